using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.Sentinels
{
    /// <summary>Defaults that mean "let the kernel decide" (0 or -1), applied only when positive: nothing to report.</summary>
    public sealed class PostgresLikeSettings
    {
        public int SocketReceiveBufferSize { get; set; } = 0;

        public int SocketSendBufferSize { get; set; } = -1;

        /// <summary>Sizes the read buffer of the protocol parser, never a socket.</summary>
        public int ReadBufferSize { get; set; } = 8192;
    }

    public sealed class Connector
    {
        private readonly PostgresLikeSettings _settings;
        private byte[] _readBuffer;

        public Connector(PostgresLikeSettings settings) => _settings = settings;

        public async Task<Socket> OpenAsync(EndPoint endPoint)
        {
            _readBuffer = new byte[_settings.ReadBufferSize];
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (_settings.SocketReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = _settings.SocketReceiveBufferSize;
            }

            if (_settings.SocketSendBufferSize > 0 && _settings.SocketSendBufferSize != socket.SendBufferSize)
            {
                socket.SendBufferSize = _settings.SocketSendBufferSize;
            }

            await socket.ConnectAsync(endPoint).ConfigureAwait(false);
            return socket;
        }
    }
}
