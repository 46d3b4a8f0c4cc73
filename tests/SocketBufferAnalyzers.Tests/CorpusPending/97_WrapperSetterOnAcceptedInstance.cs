// pattern: timing across methods (rule 4) judged per call of a wrapper setter: the same wrapper property set on an accepted instance gets SOCK004 at the wrapper's setting; learned from MQTTnet (CrossPlatformSocket.AcceptAsync) — positive counterpart of 69
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CorpusPending.WrapperOnAccepted
{
    public sealed class SocketHandle : IDisposable
    {
        private readonly Socket _socket;

        public SocketHandle(AddressFamily family)
        {
            _socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        }

        private SocketHandle(Socket accepted)
        {
            _socket = accepted;
        }

        public int ReceiveBufferSize
        {
            get => _socket.ReceiveBufferSize;
            set => {|SOCK004:_socket.ReceiveBufferSize = value|};
        }

        public void Listen(EndPoint local)
        {
            _socket.Bind(local);
            _socket.Listen(100);
        }

        public async Task<SocketHandle> AcceptAsync(CancellationToken cancellationToken)
        {
            var client = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
            return new SocketHandle(client);
        }

        public void Dispose() => _socket.Dispose();
    }

    public sealed class Listener
    {
        public async Task ServeAsync(EndPoint local, CancellationToken cancellationToken)
        {
            using var listener = new SocketHandle(AddressFamily.InterNetwork);
            listener.Listen(local);
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                client.ReceiveBufferSize = {|SOCK001:128 * 1024|};
            }
        }
    }
}
