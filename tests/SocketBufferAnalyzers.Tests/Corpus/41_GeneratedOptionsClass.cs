using System;
using System.CodeDom.Compiler;
using System.Net;
using System.Net.Sockets;

namespace Corpus.GeneratedOptions
{
    /// <summary>An options class emitted by a configuration code generator: generated code, nothing fires in it.</summary>
    [GeneratedCode("ConfigGen", "2.1.0")]
    public sealed partial class GeneratedSocketOptions
    {
        public int ReceiveBufferSize { get; set; } = 65536;

        public int SendBufferSize { get; set; } = 1 << 20;

        public void ApplyTo(Socket socket)
        {
            socket.ReceiveBufferSize = ReceiveBufferSize;
            socket.SendBufferSize = 8192;
        }
    }

    /// <summary>Hand-written code using the generated options correctly.</summary>
    public static class Dialer
    {
        public static Socket Dial(EndPoint endPoint, GeneratedSocketOptions options)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (options.ReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = options.ReceiveBufferSize;
            }

            socket.Connect(endPoint);
            return socket;
        }
    }
}
