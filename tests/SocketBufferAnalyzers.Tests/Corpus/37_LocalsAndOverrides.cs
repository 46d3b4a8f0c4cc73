using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.Locals
{
    /// <summary>Locals: one constant assignment is a constant; a default overwritten by configuration is not.</summary>
    public static class StreamingSocket
    {
        public static Socket Create(EndPoint endPoint, int configuredSize)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

            var sendBuffer = 16 * 1024;
            socket.SendBufferSize = {|SOCK002:sendBuffer|};

            // A 64 KiB default that configuration may replace: still applied unconditionally.
            var receiveBuffer = 64 * 1024;
            if (configuredSize > 0)
            {
                receiveBuffer = configuredSize;
            }

            socket.ReceiveBufferSize = {|SOCK006:receiveBuffer|};
            socket.Connect(endPoint);
            return socket;
        }

        public static void Resize(Socket socket, string setting)
        {
            var size = int.Parse(setting);
            socket.ReceiveBufferSize = {|SOCK006:size|};
            socket.SendBufferSize = {|SOCK006:size * 2|};
        }
    }
}
