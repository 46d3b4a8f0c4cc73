// pattern: timing across methods (rule 4) + origin from callers through a lambda and a method parameter (rule 2): a pooled session's Attach(Socket) receives SocketAsyncEventArgs.AcceptSocket; learned from Cowboy (EAP server)
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CorpusPending.AttachAcceptedSaea
{
    public sealed class SaeaServerConfiguration
    {
        public int ReceiveBufferSize { get; set; }
    }

    public sealed class PooledSession
    {
        private readonly SaeaServerConfiguration _configuration;
        private Socket _socket;

        public PooledSession(SaeaServerConfiguration configuration) => _configuration = configuration;

        internal void Attach(Socket socket)
        {
            _socket = socket ?? throw new ArgumentNullException(nameof(socket));
            SetSocketOptions();
        }

        internal void Detach() => _socket = null;

        private void SetSocketOptions()
        {
            if (_configuration.ReceiveBufferSize > 0)
            {
                {|SOCK004:_socket.ReceiveBufferSize = _configuration.ReceiveBufferSize|};
            }

            _socket.NoDelay = true;
        }
    }

    public sealed class SaeaServer
    {
        private readonly Socket _listener;
        private readonly SaeaServerConfiguration _configuration = new SaeaServerConfiguration();

        public SaeaServer(IPEndPoint endPoint)
        {
            _listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(endPoint);
            _listener.Listen(100);
        }

        public void StartAccept(SocketAsyncEventArgs args)
        {
            args.AcceptSocket = null;
            if (!_listener.AcceptAsync(args))
            {
                OnAccepted(args);
            }
        }

        private void OnAccepted(SocketAsyncEventArgs args)
        {
            var acceptedSocket = args.AcceptSocket;
            Task.Run(() => Process(acceptedSocket));
            StartAccept(args);
        }

        private void Process(Socket acceptedSocket)
        {
            var session = new PooledSession(_configuration);
            session.Attach(acceptedSocket);
        }
    }
}
