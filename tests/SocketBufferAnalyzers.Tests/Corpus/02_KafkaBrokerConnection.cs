using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.KafkaLike
{
    /// <summary>Client configuration in the style of a Kafka client: receive.buffer.bytes and send.buffer.bytes.</summary>
    public class ClientConfig
    {
        public string BootstrapServers { get; set; } = "localhost:9092";

        /// <summary>receive.buffer.bytes (default 64 KiB); -1 uses the OS default.</summary>
        public int ReceiveBufferBytes { get; set; } = {|SOCK007:65536|};

        /// <summary>send.buffer.bytes (default 128 KiB); -1 uses the OS default.</summary>
        public int SendBufferBytes { get; set; } = {|SOCK007:131072|};

        public int SocketConnectionSetupTimeoutMs { get; set; } = 10000;
    }

    public sealed class ProducerConfig : ClientConfig
    {
        public int LingerMs { get; set; } = 5;
    }

    internal sealed class BrokerConnection : IAsyncDisposable
    {
        private readonly ClientConfig _config;
        private readonly Socket _socket;

        public BrokerConnection(ClientConfig config, AddressFamily family)
        {
            _config = config;
            _socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        }

        public async Task ConnectAsync(EndPoint broker, CancellationToken cancellationToken)
        {
            ConfigureSocket();
            await _socket.ConnectAsync(broker, cancellationToken).ConfigureAwait(false);
        }

        private void ConfigureSocket()
        {
            _socket.NoDelay = true;
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            if (_config.SendBufferBytes > 0)
            {
                _socket.SendBufferSize = _config.SendBufferBytes;
            }

            if (_config.ReceiveBufferBytes > 0)
            {
                _socket.ReceiveBufferSize = _config.ReceiveBufferBytes;
            }
        }

        public ValueTask DisposeAsync()
        {
            _socket.Dispose();
            return default;
        }
    }
}
