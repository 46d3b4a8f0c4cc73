using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.RedisLike
{
    /// <summary>Options of a Redis-like client: the defaults ship 64 KiB buffers.</summary>
    public sealed class RedisClientOptions
    {
        public string Host { get; set; } = "localhost";

        public int Port { get; set; } = 6379;

        public bool NoDelay { get; set; } = true;

        /// <summary>SO_RCVBUF for each connection; 0 or less leaves the OS default.</summary>
        public int ReceiveBufferSize { get; set; } = {|SOCK007:64 * 1024|};

        /// <summary>SO_SNDBUF for each connection; 0 or less leaves the OS default.</summary>
        public int SendBufferSize { get; set; } = {|SOCK007:64 * 1024|};

        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
    }

    public sealed class RedisConnection : IDisposable
    {
        private readonly RedisClientOptions _options;
        private Socket _socket;

        public RedisConnection(RedisClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        public async Task OpenAsync(CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.NoDelay = _options.NoDelay;
            if (_options.ReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = _options.ReceiveBufferSize;
            }

            if (_options.SendBufferSize > 0)
            {
                socket.SendBufferSize = _options.SendBufferSize;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ConnectTimeout);
            await socket.ConnectAsync(_options.Host, _options.Port, timeout.Token).ConfigureAwait(false);
            _socket = socket;
        }

        public void Dispose() => _socket?.Dispose();
    }
}
