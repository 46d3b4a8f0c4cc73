using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Kestrelish
{
    public sealed class SocketTransportSettings
    {
        /// <summary>No default: 0 means "leave it to the kernel".</summary>
        public int ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }

        public bool NoDelay { get; set; } = true;
    }

    /// <summary>An AcceptAsync loop that applies the transport settings to every accepted socket.</summary>
    internal sealed class SocketConnectionListener : IDisposable
    {
        private readonly SocketTransportSettings _settings;
        private readonly Socket _listenSocket;

        public SocketConnectionListener(EndPoint endPoint, SocketTransportSettings settings)
        {
            _settings = settings;
            _listenSocket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _listenSocket.Bind(endPoint);
            _listenSocket.Listen(512);
        }

        public async ValueTask<Socket> AcceptAsync(CancellationToken cancellationToken)
        {
            Socket acceptSocket = await _listenSocket.AcceptAsync(cancellationToken).ConfigureAwait(false);
            acceptSocket.NoDelay = _settings.NoDelay;

            // Applied whatever the settings say, and after the handshake.
            {|SOCK004:acceptSocket.ReceiveBufferSize = {|SOCK006:_settings.ReceiveBufferSize|}|};

            if (_settings.SendBufferSize > 0)
            {
                acceptSocket.SendBufferSize = _settings.SendBufferSize;
            }

            return acceptSocket;
        }

        public void Dispose() => _listenSocket.Dispose();
    }
}
