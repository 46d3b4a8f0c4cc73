using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.GameClient
{
    /// <summary>A UDP game client whose buffers stay at or under net.core.rmem_max: nothing to report.</summary>
    public sealed class GameClientSocket : IDisposable
    {
        // 208 KiB: exactly the stock net.core.rmem_max / wmem_max.
        private const int MaxUnprivilegedBuffer = 208 * 1024;

        private readonly Socket _socket;

        public GameClientSocket(IPEndPoint server)
        {
            _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _socket.ReceiveBufferSize = MaxUnprivilegedBuffer;
            _socket.SendBufferSize = 64 * 1024;
            _socket.Blocking = false;
            _socket.Connect(server);

            // After a UDP "connect" there is no handshake: setting the buffer now is harmless.
            _socket.ReceiveBufferSize = 128 * 1024;
            Console.WriteLine($"rcvbuf={_socket.ReceiveBufferSize} sndbuf={_socket.SendBufferSize}");
        }

        public int Poll(byte[] buffer) => _socket.Available > 0 ? _socket.Receive(buffer) : 0;

        public void Send(ReadOnlySpan<byte> datagram) => _socket.Send(datagram);

        public void Dispose() => _socket.Dispose();
    }
}
