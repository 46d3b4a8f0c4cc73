// pattern: defaults (rule 3, combined with constants: BufferSizeKiB * 1024, compared in bytes) + a chained assignment setting both sides; learned from Hazelcast
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CorpusPending.KibOption
{
    public class SocketOptions
    {
        /// <summary>Both buffers, in KiB: 128 KiB = 131072 bytes, under rmem_max.</summary>
        public int BufferSizeKiB { get; set; } = {|SOCK007:128|};

        public bool KeepAlive { get; set; } = true;
    }

    public class BulkSocketOptions
    {
        /// <summary>512 KiB = 524288 bytes: above rmem_max and wmem_max once multiplied.</summary>
        public int BufferSizeKiB { get; set; } = {|SOCK003:{|SOCK007:512|}|};
    }

    public class NetworkingOptions
    {
        public SocketOptions Socket { get; } = new SocketOptions();

        public BulkSocketOptions Bulk { get; } = new BulkSocketOptions();
    }

    public sealed class ClientConnection
    {
        private readonly NetworkingOptions _options;
        private readonly IPEndPoint _endpoint;

        public ClientConnection(IPEndPoint endpoint, NetworkingOptions options)
        {
            _endpoint = endpoint;
            _options = options;
        }

        public async Task<Socket> ConnectAsync()
        {
            var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.NoDelay = true;
            // The receive setting's value is the inner assignment (as reported today); the send setting's is the product.
            socket.ReceiveBufferSize = {|SOCK006:socket.SendBufferSize = {|SOCK006:_options.Socket.BufferSizeKiB * 1024|}|};
            await socket.ConnectAsync(_endpoint).ConfigureAwait(false);
            return socket;
        }

        public async Task<Socket> ConnectBulkAsync()
        {
            var socket = new Socket(_endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            var kib = _options.Bulk.BufferSizeKiB;
            // Guarded: kib > 0 makes kib * 1024 positive (today's analyzer misses this and says SOCK006).
            if (kib > 0)
            {
                socket.ReceiveBufferSize = kib * 1024;
            }

            await socket.ConnectAsync(_endpoint).ConfigureAwait(false);
            return socket;
        }
    }
}
