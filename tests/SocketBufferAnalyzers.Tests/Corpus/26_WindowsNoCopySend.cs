// editorconfig: socket_buffer.target_os = windows
using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.WindowsService
{
    /// <summary>
    /// A Windows service. SO_SNDBUF = 0 is the Winsock no-copy idiom (sends go straight from the application buffer):
    /// no diagnostic. A fixed receive buffer is still a fixed receive buffer.
    /// </summary>
    public sealed class StreamingSender
    {
        public Socket Open(IPEndPoint target)
        {
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.SendBufferSize = 0;
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, 0);
            socket.ReceiveBufferSize = {|SOCK001:64 * 1024|};
            socket.Connect(target);
            return socket;
        }
    }
}
