// pattern: defaults (rule 3, constructor parameter default on a UDP transport): SOCK003 on each default above the limit, no SOCK007 and no SOCK006 on UDP; learned from Riptide (UDP transport)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.UdpCtorParamDefaults
{
    public abstract class UdpPeerBase
    {
        protected const int DefaultBufferSize = 1024 * 1024;

        private readonly int _bufferSize;
        private Socket _socket;

        protected UdpPeerBase(int bufferSize)
        {
            _bufferSize = bufferSize;
        }

        protected void OpenSocket(int port)
        {
            _socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
            _socket.SendBufferSize = _bufferSize;
            _socket.ReceiveBufferSize = _bufferSize;
            _socket.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
        }
    }

    public sealed class UdpTransportServer : UdpPeerBase
    {
        public UdpTransportServer(int bufferSize = {|SOCK003:DefaultBufferSize|}) : base(bufferSize)
        {
        }

        public void Start(int port) => OpenSocket(port);
    }

    public sealed class UdpTransportClient : UdpPeerBase
    {
        /// <summary>Within the limit: nothing to say on UDP.</summary>
        public UdpTransportClient(int bufferSize = 128 * 1024) : base(bufferSize)
        {
        }

        public void Start() => OpenSocket(0);
    }

    public sealed class GameServer
    {
        private readonly UdpTransportServer _transport;

        public GameServer() : this(new UdpTransportServer())
        {
        }

        public GameServer(UdpTransportServer transport) => _transport = transport;
    }
}
