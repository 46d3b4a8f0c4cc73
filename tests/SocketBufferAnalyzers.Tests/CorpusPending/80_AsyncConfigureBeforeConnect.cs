// pattern: timing across methods (rule 4, negative control): the configuring method runs before the awaited ConnectAsync on the field; learned from Cowboy (TAP client)
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CorpusPending.AsyncConfigureBefore
{
    public sealed class StreamOptions
    {
        public int ReceiveBufferSize { get; set; }
    }

    public sealed class BrokerConnection
    {
        private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        private readonly StreamOptions _options;
        private readonly EndPoint _broker;

        public BrokerConnection(EndPoint broker, StreamOptions options)
        {
            _broker = broker;
            _options = options;
        }

        public async Task OpenAsync()
        {
            ApplyBuffers();
            await _socket.ConnectAsync(_broker).ConfigureAwait(false);
        }

        private void ApplyBuffers()
        {
            if (_options.ReceiveBufferSize > 0)
            {
                _socket.ReceiveBufferSize = _options.ReceiveBufferSize;
            }
        }
    }
}
