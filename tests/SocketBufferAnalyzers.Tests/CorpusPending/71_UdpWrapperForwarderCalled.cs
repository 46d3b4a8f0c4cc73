// pattern: forwarders (rule 1) + kind from the wrapper's field (rule 2): a UDP wrapper's setter called with constants gets SOCK003 only, at the argument; learned from NetCoreServer
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.UdpWrapperForwarder
{
    public class DatagramServer : IDisposable
    {
        public DatagramServer(IPEndPoint endPoint)
        {
            Socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            Socket.Bind(endPoint);
        }

        public Socket Socket { get; }

        public int OptionReceiveBufferSize
        {
            get => Socket.ReceiveBufferSize;
            set => Socket.ReceiveBufferSize = value;
        }

        public int OptionSendBufferSize
        {
            get => Socket.SendBufferSize;
            set => Socket.SendBufferSize = value;
        }

        public void Dispose() => Socket.Dispose();
    }

    public static class Program
    {
        public static DatagramServer Start()
        {
            var server = new DatagramServer(new IPEndPoint(IPAddress.Any, 3333))
            {
                OptionReceiveBufferSize = {|SOCK003:8 * 1024 * 1024|},
            };

            // Within the limit on UDP: nothing to say.
            server.OptionSendBufferSize = 64 * 1024;
            return server;
        }
    }
}
