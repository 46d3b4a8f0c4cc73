// editorconfig: socket_buffer.target_os = macos
using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.MacDesktop
{
    /// <summary>
    /// A macOS desktop app. No doubling and no floor on macOS: 1 KiB is kept (and locked); 0 throws EINVAL;
    /// above 7 456 540 bytes the call throws ENOBUFS, so nothing is locked and only SOCK003 applies.
    /// </summary>
    public sealed class SyncClient
    {
        public int UploadBuffer { get; set; } = {|SOCK003:16 * 1024 * 1024|};

        public Socket Create()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveBufferSize = {|SOCK001:1024|};
            socket.SendBufferSize = {|SOCK003:8 * 1024 * 1024|};
            return socket;
        }

        public void Upload(Socket socket)
        {
            if (UploadBuffer > 0)
            {
                socket.SendBufferSize = UploadBuffer;
            }
        }

        public void Reset(TcpClient client)
        {
            client.ReceiveBufferSize = {|SOCK005:0|};
        }
    }
}
