using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.Initializers
{
    /// <summary>Buffers set in object initializers, including on the (host, port) constructor that connects.</summary>
    public static class ClientFactory
    {
        public static TcpClient Telemetry() => new TcpClient
        {
            NoDelay = true,
            ReceiveBufferSize = {|SOCK001:8192|},
            SendBufferSize = {|SOCK002:8192|},
        };

        public static Socket Raw(AddressFamily family) => new Socket(family, SocketType.Stream, ProtocolType.Tcp)
        {
            ReceiveBufferSize = {|SOCK001:1 << 16|},
            LingerState = new LingerOption(false, 0),
        };

        public static TcpClient Connected(string host, int port) => new TcpClient(host, port)
        {
            {|SOCK004:ReceiveBufferSize = {|SOCK001:128 * 1024|}|},
            SendBufferSize = {|SOCK002:128 * 1024|},
        };

        public static UdpClient Metrics()
        {
            var udp = new UdpClient(AddressFamily.InterNetwork);
            udp.Client.SendBufferSize = 32 * 1024;
            return udp;
        }
    }
}
