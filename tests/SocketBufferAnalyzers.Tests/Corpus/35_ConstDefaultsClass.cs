using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.ConstDefaults
{
    /// <summary>Const defaults are constants at the setter: SOCK001/SOCK002 there, not SOCK007 on the declaration.</summary>
    public static class SocketDefaults
    {
        public const int ReceiveBufferSize = 64 * 1024;
        public const int SendBufferSize = 64 * 1024;
        public const int Kilobyte = 1024;
        public const int SmallReceiveBufferSize = 4 * Kilobyte;
    }

    public sealed class FeedClient
    {
        public Socket Connect(IPEndPoint endPoint)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (SocketDefaults.ReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = {|SOCK001:SocketDefaults.ReceiveBufferSize|};
            }

            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, {|SOCK002:SocketDefaults.SendBufferSize|});
            socket.Connect(endPoint);
            return socket;
        }

        public void Shrink(Socket socket)
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, (object){|SOCK001:SocketDefaults.SmallReceiveBufferSize|});
        }
    }
}
