// pattern: defaults (rule 3, constructor parameter default through this(...)/base(...) and an implicit constructor) + SOCK006 on a field filled from a constructor parameter; learned from Riptide (TCP transport)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.TcpCtorParamDefaults
{
    public abstract class TcpPeerBase
    {
        protected const int DefaultBufferSize = 1024 * 1024;
        private const int MinBufferSize = 256 * 1024;

        protected readonly int bufferSize;
        protected Socket socket;

        protected TcpPeerBase(int bufferSize = {|SOCK007:{|SOCK003:DefaultBufferSize|}|})
        {
            // Rejects small sizes, so no configuration can leave autotuning on: not a guard for SOCK006.
            if (bufferSize < MinBufferSize)
            {
                throw new ArgumentOutOfRangeException(nameof(bufferSize));
            }

            this.bufferSize = bufferSize;
        }
    }

    /// <summary>No constructor written: the implicit one calls base() and takes the base's default.</summary>
    public sealed class TcpTransportClient : TcpPeerBase
    {
        public void Connect(IPEndPoint server)
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
            {
                SendBufferSize = {|SOCK006:bufferSize|},
                ReceiveBufferSize = {|SOCK006:bufferSize|},
                NoDelay = true,
            };
            socket.Connect(server);
        }
    }

    public sealed class TcpTransportServer : TcpPeerBase
    {
        private readonly IPAddress _address;

        public TcpTransportServer(int bufferSize = {|SOCK007:{|SOCK003:DefaultBufferSize|}|})
            : this(IPAddress.IPv6Any, bufferSize)
        {
        }

        public TcpTransportServer(IPAddress address, int bufferSize = {|SOCK007:{|SOCK003:DefaultBufferSize|}|})
            : base(bufferSize)
        {
            _address = address;
        }

        public void Start(int port)
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp)
            {
                SendBufferSize = {|SOCK006:bufferSize|},
                ReceiveBufferSize = {|SOCK006:bufferSize|},
            };
            socket.Bind(new IPEndPoint(_address, port));
            socket.Listen(10);
        }

        public Socket AcceptOne() => socket.Accept();
    }
}
