// editorconfig: socket_buffer.linux_kernel = 2.6.32; socket_buffer.rmem_max = 131071; socket_buffer.wmem_max = 131071
using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.CentOS6
{
    /// <summary>
    /// An old CentOS 6 host (2.6.32, rmem_max 131071). With ¾ of the buffer as window and tcp_rmem[1] = 87 380,
    /// even 64 KiB set after connecting asks for more window (96 KiB) than the clamp fixed at establishment (≈64 KiB).
    /// </summary>
    public static class LegacyAgent
    {
        public static Socket Connect(IPEndPoint server)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(server);
            {|SOCK004:socket.ReceiveBufferSize = {|SOCK001:64 * 1024|}|};
            socket.SendBufferSize = {|SOCK002:{|SOCK003:128 * 1024|}|};
            return socket;
        }

        public static void Floors(Socket socket)
        {
            // Before 3.11 the floors are 256 / 2048 bytes.
            socket.ReceiveBufferSize = {|SOCK001:256|};
            socket.ReceiveBufferSize = {|SOCK005:64|};
        }
    }
}
