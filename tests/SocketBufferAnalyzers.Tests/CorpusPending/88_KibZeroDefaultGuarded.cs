// pattern: defaults (rule 3, negative control): a KiB option shipping 0 and applied under a guard, and a KiB option reaching no socket, are silent; learned from Hazelcast
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.KibZeroDefault
{
    public class TransportOptions
    {
        /// <summary>0 = leave it to the kernel.</summary>
        public int ReceiveBufferKiB { get; set; }

        /// <summary>Sizes a managed buffer, never a socket.</summary>
        public int FrameBufferKiB { get; set; } = 256;
    }

    public sealed class Transport
    {
        private readonly TransportOptions _options = new TransportOptions();
        private byte[] _frame = Array.Empty<byte>();

        public Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (_options.ReceiveBufferKiB > 0)
            {
                socket.ReceiveBufferSize = _options.ReceiveBufferKiB * 1024;
            }

            _frame = new byte[_options.FrameBufferKiB * 1024];
            socket.Connect(server);
            return socket;
        }
    }
}
