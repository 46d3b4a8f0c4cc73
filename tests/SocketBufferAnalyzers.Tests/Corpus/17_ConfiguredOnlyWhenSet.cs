using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.CorrectClient
{
    /// <summary>Buffers are left to the kernel unless the user sets them: no shipped default, every setting guarded.</summary>
    public sealed class TransportOptions
    {
        public int? ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }

        public object ListenerReceiveBuffer { get; set; }
    }

    public sealed class Transport
    {
        private readonly TransportOptions _options;

        public Transport(TransportOptions options) => _options = options;

        public async Task<Socket> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (_options.ReceiveBufferSize.HasValue)
            {
                socket.ReceiveBufferSize = _options.ReceiveBufferSize.Value;
            }

            if (_options.SendBufferSize > 0)
            {
                socket.SendBufferSize = _options.SendBufferSize;
            }

            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }

        public TcpListener Listen(IPEndPoint endPoint)
        {
            var listener = new TcpListener(endPoint);
            if (_options.ListenerReceiveBuffer is int size)
            {
                listener.Server.ReceiveBufferSize = size;
            }

            listener.Start();
            return listener;
        }
    }
}
