// pattern: forwarders (rule 1) + kind from callers (rule 2) + defaults (rule 3): a public static helper with socket and size parameters, called only with UDP sockets, sizes from constructor-parameter defaults; learned from kcp2k
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.UdpStaticHelper
{
    /// <summary>Options of a reliable-UDP transport; the constructor's defaults are what every user gets.</summary>
    public class TransportConfig
    {
        public bool DualMode;
        public int ReceiveBuffer;
        public int SendBuffer;
        public int Mtu;

        public TransportConfig(
            bool dualMode = true,
            int receiveBuffer = {|SOCK003:8 * 1024 * 1024|},
            int sendBuffer = {|SOCK003:8 * 1024 * 1024|},
            int mtu = 1200)
        {
            DualMode = dualMode;
            ReceiveBuffer = receiveBuffer;
            SendBuffer = sendBuffer;
            Mtu = mtu;
        }
    }

    public static class SocketSetup
    {
        /// <summary>Plumbing: both sizes are parameters, and every call passes a datagram socket.</summary>
        public static void ApplyBuffers(Socket socket, int receiveBuffer, int sendBuffer)
        {
            int before = socket.ReceiveBufferSize;
            try
            {
                socket.ReceiveBufferSize = receiveBuffer;
                socket.SendBufferSize = sendBuffer;
            }
            catch (SocketException)
            {
                Console.WriteLine("could not set buffers");
            }

            Console.WriteLine($"receive buffer {before} -> {socket.ReceiveBufferSize}");
        }
    }

    public class TransportServer
    {
        protected Socket socket;
        private readonly TransportConfig _config;

        public TransportServer(TransportConfig config) => _config = config;

        /// <summary>Both returns create datagram sockets.</summary>
        private static Socket CreateServerSocket(bool dualMode, int port)
        {
            if (dualMode)
            {
                var dual = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                dual.DualMode = true;
                dual.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                return dual;
            }

            var v4 = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            v4.Bind(new IPEndPoint(IPAddress.Any, port));
            return v4;
        }

        public void Start(int port)
        {
            socket = CreateServerSocket(_config.DualMode, port);
            socket.Blocking = false;
            SocketSetup.ApplyBuffers(socket, _config.ReceiveBuffer, _config.SendBuffer);
        }

        public void Stop()
        {
            socket?.Close();
            socket = null;
        }
    }

    public class TransportClient
    {
        protected Socket socket;
        private readonly TransportConfig _config;

        public TransportClient(TransportConfig config) => _config = config;

        public void Connect(IPEndPoint server)
        {
            socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Blocking = false;
            SocketSetup.ApplyBuffers(socket, _config.ReceiveBuffer, _config.SendBuffer);
            socket.Connect(server);
        }

        public void Disconnect() => socket = null;
    }

    public static class Program
    {
        public static void Run()
        {
            var config = new TransportConfig(dualMode: false, mtu: 1400);
            new TransportServer(config).Start(7777);
            new TransportClient(config).Connect(new IPEndPoint(IPAddress.Loopback, 7777));
        }
    }
}
