using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.ObjectStore
{
    /// <summary>
    /// An object-store client shipping 1 MiB buffers "for throughput": locked for everyone who keeps the default,
    /// and clamped to rmem_max on a stock kernel.
    /// </summary>
    public class StorageClientOptions
    {
        public int SocketReceiveBufferSize { get; init; } = {|SOCK003:{|SOCK007:1024 * 1024|}|};

        public int SocketSendBufferSize { get; init; } = {|SOCK003:{|SOCK007:1024 * 1024|}|};

        public int MaxConnections { get; init; } = 16;
    }

    internal sealed class StorageConnection
    {
        private readonly StorageClientOptions _options;

        public StorageConnection(StorageClientOptions options) => _options = options;

        public async Task<Socket> ConnectAsync(DnsEndPoint endPoint)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (_options.SocketReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = _options.SocketReceiveBufferSize;
            }

            if (_options.SocketSendBufferSize > 0)
            {
                socket.SendBufferSize = _options.SocketSendBufferSize;
            }

            await socket.ConnectAsync(endPoint).ConfigureAwait(false);
            return socket;
        }
    }
}
