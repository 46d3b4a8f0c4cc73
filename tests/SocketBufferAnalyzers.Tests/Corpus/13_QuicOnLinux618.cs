// editorconfig: socket_buffer.linux_kernel = 6.18
using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.QuicLinux618
{
    /// <summary>
    /// Linux 6.18 raised net.core.rmem_max / wmem_max to 4 MiB: 2 MiB UDP buffers are kept as asked,
    /// 7 MiB is still clamped.
    /// </summary>
    public sealed class Http3Endpoint : IDisposable
    {
        private readonly Socket _socket;

        public Http3Endpoint(IPEndPoint local)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.SendBufferSize = 2 * 1024 * 1024;
            _socket.ReceiveBufferSize = {|SOCK003:7 * 1024 * 1024|};
            _socket.Bind(local);
        }

        public void Dispose() => _socket.Dispose();
    }
}
