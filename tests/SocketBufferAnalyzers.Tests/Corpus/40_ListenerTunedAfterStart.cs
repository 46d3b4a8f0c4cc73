using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.ListenerAfterStart
{
    /// <summary>
    /// Setting the listener's buffer after Start()/Listen() is in time for later connections (Linux reads it at each SYN):
    /// no SOCK004. The constant itself is still locked and above rmem_max.
    /// </summary>
    public static class IngestEndpoint
    {
        public static TcpListener Start(int port)
        {
            var listener = new TcpListener(IPAddress.IPv6Any, port);
            listener.Server.DualMode = true;
            listener.Start(1024);
            listener.Server.ReceiveBufferSize = {|SOCK001:{|SOCK003:256 * 1024|}|};
            return listener;
        }

        public static Socket StartRaw(IPEndPoint endPoint, int configured)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(endPoint);
            socket.Listen(128);
            if (configured > 0)
            {
                socket.ReceiveBufferSize = configured;
            }

            return socket;
        }
    }
}
