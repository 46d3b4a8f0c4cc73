// editorconfig: socket_buffer.target_os = macos
using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.QuicMac
{
    /// <summary>
    /// On macOS the largest accepted size is maxsockbuf × 2048 / 2304 = 7 456 540 bytes: 7 MiB fits, 8 MiB throws ENOBUFS.
    /// </summary>
    public static class DarwinUdpBuffers
    {
        public static Socket Open(IPEndPoint local)
        {
            var socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(local);
            socket.ReceiveBufferSize = 7 * 1024 * 1024;
            try
            {
                socket.SendBufferSize = {|SOCK003:8 * 1024 * 1024|};
            }
            catch (SocketException)
            {
                socket.SendBufferSize = 4 * 1024 * 1024;
            }

            return socket;
        }
    }
}
