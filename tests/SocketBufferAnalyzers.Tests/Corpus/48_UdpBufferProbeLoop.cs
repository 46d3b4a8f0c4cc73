using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.BufferProbe
{
    /// <summary>
    /// Probe for the largest UDP receive buffer the OS accepts, halving on failure (as QUIC stacks do on BSD/Darwin).
    /// The first request is a local assigned a constant once and not written before that setting: 4 MiB, above rmem_max.
    /// </summary>
    public static class UdpBufferProbe
    {
        public static int Grow(IPEndPoint local)
        {
            using var socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(local);

            var size = 4 * 1024 * 1024;
            socket.ReceiveBufferSize = {|SOCK003:size|};
            while (socket.ReceiveBufferSize < size && size > 64 * 1024)
            {
                size /= 2;
                socket.ReceiveBufferSize = size;
            }

            return socket.ReceiveBufferSize;
        }
    }
}
