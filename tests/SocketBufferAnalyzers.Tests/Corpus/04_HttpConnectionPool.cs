using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.HttpLike
{
    /// <summary>An HTTP/1.1 connection pool that connects first and tunes the socket afterwards.</summary>
    internal sealed class HttpConnectionPool
    {
        private const int LargeBuffer = 256 * 1024;

        private readonly ConcurrentBag<Socket> _idle = new ConcurrentBag<Socket>();

        public async ValueTask<Socket> RentAsync(string host, int port, CancellationToken cancellationToken)
        {
            if (_idle.TryTake(out var pooled))
            {
                return pooled;
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);

                // Large downloads: ask for big buffers once the connection is up.
                {|SOCK004:socket.ReceiveBufferSize = {|SOCK001:{|SOCK003:LargeBuffer|}|}|};
                socket.SendBufferSize = {|SOCK002:{|SOCK003:LargeBuffer|}|};
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        public void Return(Socket socket) => _idle.Add(socket);
    }
}
