// pattern: negative controls for every rule of "Across methods and types": reads for logs and application buffers, a const above the limit used only in a check, library types named like System.Net.Sockets ones, and a native-handle method named ReceiveBufferSize; learned from kcp2k, NetCoreServer, Riptide and DotNetty (libuv)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.ReadsAndLookalikes
{
    internal static class Limits
    {
        public const int MinimumBuffer = 256 * 1024;

        public static void Check(int size)
        {
            if (size < MinimumBuffer)
            {
                throw new ArgumentOutOfRangeException(nameof(size));
            }
        }
    }

    /// <summary>A library type that happens to be called TcpClient, with an unrelated ReceiveBufferSize.</summary>
    public sealed class TcpClient
    {
        public int ReceiveBufferSize { get; set; } = 8192;

        public byte[] Rent() => new byte[ReceiveBufferSize];
    }

    /// <summary>A native-handle wrapper: "ReceiveBufferSize(int)" is a method of its own, not the socket option.</summary>
    public sealed class NativeTcpHandle
    {
        private int _size;

        public int ReceiveBufferSize(int value)
        {
            if (value != 0)
            {
                _size = value;
            }

            return _size;
        }
    }

    public static class Diagnostics
    {
        public static string Describe(Socket socket)
        {
            int receive = socket.ReceiveBufferSize;
            int send = socket.SendBufferSize;
            var buffer = new byte[socket.ReceiveBufferSize];
            return $"receive {receive}, send {send}, staging {buffer.Length}";
        }

        public static void Use()
        {
            Limits.Check(512 * 1024);
            var client = new TcpClient { ReceiveBufferSize = 64 * 1024 };
            client.Rent();
            new NativeTcpHandle().ReceiveBufferSize(4 * 1024 * 1024);
        }
    }
}
