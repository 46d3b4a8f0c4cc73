// pattern: defaults (rule 3) through a wrapper setter (rule 1) + timing judged per call (rule 4): the wrapper also holds accepted sockets, but its setter is only called on a fresh one before connecting; learned from MQTTnet
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CorpusPending.WrapperOptionDefault
{
    public sealed class ClientTcpOptions
    {
        /// <summary>One size for both directions, applied unconditionally.</summary>
        public int BufferSize { get; set; } = {|SOCK007:8192|};

        public ProtocolType ProtocolType { get; set; } = ProtocolType.Tcp;

        public EndPoint RemoteEndPoint { get; set; }
    }

    public sealed class StreamSocket : IDisposable
    {
        private readonly Socket _socket;

        public StreamSocket(ProtocolType protocolType)
        {
            _socket = new Socket(SocketType.Stream, protocolType);
        }

        private StreamSocket(Socket accepted)
        {
            _socket = accepted;
        }

        public int ReceiveBufferSize
        {
            get => _socket.ReceiveBufferSize;
            set => _socket.ReceiveBufferSize = value;
        }

        public int SendBufferSize
        {
            get => _socket.SendBufferSize;
            set => _socket.SendBufferSize = value;
        }

        public async Task<StreamSocket> AcceptAsync(CancellationToken cancellationToken)
        {
            var client = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
            return new StreamSocket(client);
        }

        public Task ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken) =>
            _socket.ConnectAsync(endPoint, cancellationToken).AsTask();

        public void Dispose() => _socket.Dispose();
    }

    public sealed class TcpChannel
    {
        private readonly ClientTcpOptions _options;

        public TcpChannel(ClientTcpOptions options) => _options = options;

        public async Task<StreamSocket> ConnectAsync(CancellationToken cancellationToken)
        {
            var socket = new StreamSocket(_options.ProtocolType);
            socket.ReceiveBufferSize = {|SOCK006:_options.BufferSize|};
            socket.SendBufferSize = {|SOCK006:_options.BufferSize|};
            await socket.ConnectAsync(_options.RemoteEndPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
    }
}
