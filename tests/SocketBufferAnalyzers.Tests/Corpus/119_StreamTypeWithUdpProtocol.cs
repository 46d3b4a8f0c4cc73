// pattern: socket kind (judgment call, low weight): `new Socket(family, SocketType.Stream, ProtocolType.Udp)` names UDP as its protocol (the spec's UDP list: "SocketType.Dgram/ProtocolType.Udp"); the constructor throws on Linux (EPROTONOSUPPORT), so no TCP buffer is ever locked there: no SOCK001 "stops autotuning" on it (SOCK003 above the limit would still hold, as for any kind); learned from SharpRTSP (NetworkClientFactory.CreateUdpClient)
using System;
using System.Net.Sockets;

namespace CorpusPending.StreamTypeWithUdpProtocol
{
    internal static class ClientFactory
    {
        private const int TcpReceiveSize = 64 * 1024;
        private const int UdpReceiveSize = 128 * 1024;

        public static Socket CreateTcp() => new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp)
        {
            ReceiveBufferSize = {|SOCK001:TcpReceiveSize|},
            DualMode = true,
        };

        public static Socket CreateUdp()
        {
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Udp)
            {
                ReceiveBufferSize = UdpReceiveSize,
                DualMode = true,
            };
            return socket;
        }
    }
}
