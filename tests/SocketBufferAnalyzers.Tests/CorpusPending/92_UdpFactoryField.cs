// pattern: kind from callers (rule 2, a field assigned outside constructors from a private factory whose returns are all datagram sockets): UDP, SOCK003 only; learned from kcp2k (server) and Riptide (UdpPeer.OpenSocket)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.UdpFactoryField
{
    public class RelayServer
    {
        private Socket _socket;

        private static Socket CreateSocket(bool ipv6)
        {
            if (ipv6)
            {
                return new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            }

            return new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        }

        public void Start(bool ipv6, int port)
        {
            _socket = CreateSocket(ipv6);
            Configure();
            _socket.Bind(new IPEndPoint(ipv6 ? IPAddress.IPv6Any : IPAddress.Any, port));
        }

        private void Configure()
        {
            _socket.ReceiveBufferSize = {|SOCK003:4 * 1024 * 1024|};
            _socket.SendBufferSize = {|SOCK003:4 * 1024 * 1024|};
        }

        public void Stop()
        {
            _socket?.Dispose();
            _socket = null;
        }
    }
}
