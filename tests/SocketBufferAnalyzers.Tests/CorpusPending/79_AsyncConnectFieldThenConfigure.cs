// pattern: timing across methods (rule 4, an async method awaits ConnectAsync on a field then calls a method that sets the field's buffer); learned from Cowboy (TAP) and MQTTnet
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CorpusPending.AsyncConnectField
{
    public sealed class StreamOptions
    {
        public int ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }
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
            await _socket.ConnectAsync(_broker).ConfigureAwait(false);
            ApplyBuffers();
        }

        private void ApplyBuffers()
        {
            if (_options.ReceiveBufferSize > 0)
            {
                {|SOCK004:_socket.ReceiveBufferSize = _options.ReceiveBufferSize|};
            }

            // Send side: nothing is negotiated, so nothing about timing.
            if (_options.SendBufferSize > 0)
            {
                _socket.SendBufferSize = _options.SendBufferSize;
            }
        }
    }
}
