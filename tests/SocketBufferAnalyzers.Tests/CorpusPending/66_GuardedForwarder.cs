// pattern: forwarders (rule 1, guarded forwarder; rule 3, a constant the guard rejects gets nothing): if (value > 0) inside the forwarder makes every call through it guarded; learned from Cowboy and Riptide (negative controls included)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.GuardedForwarder
{
    public sealed class ChannelSettings
    {
        public int ReceiveBufferSize { get; set; }
    }

    internal static class SocketOptionsHelper
    {
        /// <summary>Guarded: 0 or a negative size leaves the kernel's autotuning on.</summary>
        public static void TrySetReceive(Socket socket, int size)
        {
            if (size > 0)
            {
                socket.ReceiveBufferSize = size;
            }
        }

        /// <summary>Not guarded: whatever arrives is applied.</summary>
        public static void SetReceive(Socket socket, int size)
        {
            socket.ReceiveBufferSize = size;
        }
    }

    public sealed class Channel
    {
        private readonly ChannelSettings _settings = new ChannelSettings();

        public Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

            // Rejected by the guard: nothing reaches the socket.
            SocketOptionsHelper.TrySetReceive(socket, 0);
            SocketOptionsHelper.TrySetReceive(socket, -1);

            // Guarded configuration: no SOCK006.
            SocketOptionsHelper.TrySetReceive(socket, _settings.ReceiveBufferSize);

            // A constant passes the guard and is locked.
            SocketOptionsHelper.TrySetReceive(socket, {|SOCK001:32768|});

            // The unguarded forwarder applies the configuration unconditionally.
            SocketOptionsHelper.SetReceive(socket, {|SOCK006:_settings.ReceiveBufferSize|});

            socket.Connect(server);
            return socket;
        }
    }
}
