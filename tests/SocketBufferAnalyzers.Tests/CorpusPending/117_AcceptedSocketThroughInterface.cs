// pattern: timing across methods (rule 4) through interface dispatch (judgment call: trap 8 of traps.md treats an interface call as no call of the implementation for forwarder values; at run time it is the only way these settings are reached): an accept loop hands each accepted socket to IConnectionFactory.Create / IHost.NewConnection, whose only implementations set the receive buffer: SOCK004 at those settings; learned from SuperSocket (TcpConnectionListener -> IConnectionFactory.CreateConnection -> ApplySocketOptions) and FastSocket.Net (SocketListener -> IHost.NewConnection)
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CorpusPending.AcceptedSocketThroughInterface
{
    public sealed class ConnectionOptions
    {
        public int ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }
    }

    public interface IConnectionFactory
    {
        Task<object> CreateAsync(object connection, CancellationToken cancellationToken);
    }

    public sealed class TcpConnectionFactory : IConnectionFactory
    {
        private readonly ConnectionOptions _options;

        public TcpConnectionFactory(ConnectionOptions options) => _options = options;

        public Task<object> CreateAsync(object connection, CancellationToken cancellationToken)
        {
            var socket = (Socket)connection;
            ApplySocketOptions(socket);
            return Task.FromResult<object>(new NetworkStream(socket, ownsSocket: true));
        }

        private void ApplySocketOptions(Socket socket)
        {
            if (_options.ReceiveBufferSize > 0)
                {|SOCK004:socket.ReceiveBufferSize = _options.ReceiveBufferSize|};
            if (_options.SendBufferSize > 0)
                socket.SendBufferSize = _options.SendBufferSize;
        }
    }

    public sealed class ConnectionListener
    {
        private readonly Socket _listenSocket = new Socket(SocketType.Stream, ProtocolType.Tcp);

        public ConnectionListener(IConnectionFactory factory) => Factory = factory;

        public IConnectionFactory Factory { get; }

        public async Task AcceptLoopAsync(EndPoint local, CancellationToken cancellationToken)
        {
            _listenSocket.Bind(local);
            _listenSocket.Listen(100);
            while (!cancellationToken.IsCancellationRequested)
            {
                var accepted = await _listenSocket.AcceptAsync(cancellationToken).ConfigureAwait(false);
                _ = await Factory.CreateAsync(accepted, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public interface IHost
    {
        void NewConnection(Socket socket);
    }

    public sealed class Host : IHost
    {
        public Host(int socketBufferSize) => SocketBufferSize = socketBufferSize;

        public int SocketBufferSize { get; }

        public void NewConnection(Socket socket)
        {
            socket.NoDelay = true;
            {|SOCK004:socket.ReceiveBufferSize = {|SOCK006:SocketBufferSize|}|};
            socket.SendBufferSize = {|SOCK006:SocketBufferSize|};
        }
    }

    public sealed class SocketListener
    {
        private readonly IHost _host;
        private readonly TcpListener _listener;

        public SocketListener(IHost host, IPEndPoint local)
        {
            _host = host;
            _listener = new TcpListener(local);
        }

        public void AcceptOne()
        {
            _listener.Start();
            Socket accepted = _listener.AcceptSocket();
            _host.NewConnection(accepted);
        }
    }
}
