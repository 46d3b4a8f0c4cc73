using System;
using System.IO;
using System.Net.Sockets;

namespace Corpus.Unrelated
{
    /// <summary>Types of our own with buffer-size properties; none of them reaches a socket.</summary>
    public sealed class SerialPortSettings
    {
        public int ReceiveBufferSize { get; set; } = 4096;

        public int SendBufferSize { get; set; } = 2048;
    }

    public sealed class FrameReaderOptions
    {
        /// <summary>Size of the user-space read buffer, not SO_RCVBUF.</summary>
        public int ReceiveBufferSize { get; set; } = 64 * 1024;

        public int MaxFrameLength { get; set; } = 1024 * 1024;
    }

    public sealed class FrameReader
    {
        private readonly byte[] _buffer;
        private readonly Stream _stream;

        public FrameReader(NetworkStream stream, FrameReaderOptions options)
        {
            _buffer = new byte[options.ReceiveBufferSize];
            _stream = new BufferedStream(stream, options.ReceiveBufferSize);
        }

        public int Read() => _stream.Read(_buffer, 0, _buffer.Length);
    }

    public static class Settings
    {
        public static SerialPortSettings Serial() => new SerialPortSettings { ReceiveBufferSize = 8192, SendBufferSize = 0 };

        public static void NotABufferOption(Socket socket)
        {
            // Other options, and the right option name at the wrong level, are not buffer sizes.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Linger, new LingerOption(true, 0));
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, 1);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveTimeout, 5000);
            socket.SetRawSocketOption(6, 1, BitConverter.GetBytes(1));
        }
    }
}
