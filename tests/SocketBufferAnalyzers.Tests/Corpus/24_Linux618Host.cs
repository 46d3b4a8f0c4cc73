// editorconfig: socket_buffer.linux_kernel = 6.18
using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.Linux618
{
    /// <summary>
    /// Linux 6.18: rmem_max / wmem_max default to 4 MiB. 1 MiB is no longer clamped but still locks the receive buffer;
    /// a 4 MiB send buffer is kept and already as large as send autotuning would grow it (tcp_wmem[2]).
    /// </summary>
    public static class BulkTransfer
    {
        public static Socket Create(AddressFamily family)
        {
            var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveBufferSize = {|SOCK001:1024 * 1024|};
            socket.SendBufferSize = 4 * 1024 * 1024;
            return socket;
        }

        public static Socket CreateOversized(AddressFamily family)
        {
            var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveBufferSize = {|SOCK001:{|SOCK003:8 * 1024 * 1024|}|};
            socket.SendBufferSize = {|SOCK003:8 * 1024 * 1024|};
            return socket;
        }
    }
}
