using System;
using System.Net.Sockets;

namespace Corpus.QuicHelper
{
    /// <summary>
    /// The same QUIC tuning, written as a helper that takes the socket as a parameter. The analyzer cannot see that it
    /// is a UDP socket: TCP rules report on an unknown socket (rules.md, "Socket kind").
    /// </summary>
    public static class SocketBuffers
    {
        public const int QuicReceiveBuffer = 7 * 1024 * 1024;

        public static bool TryIncreaseReceiveBuffer(Socket socket)
        {
            var before = socket.ReceiveBufferSize;
            if (before >= QuicReceiveBuffer)
            {
                return true;
            }

            socket.ReceiveBufferSize = {|SOCK001:{|SOCK003:QuicReceiveBuffer|}|};
            return socket.ReceiveBufferSize > before;
        }

        /// <summary>With a UdpClient the kind is visible again: only the clamp is reported.</summary>
        public static bool TryIncreaseReceiveBuffer(UdpClient client)
        {
            client.Client.ReceiveBufferSize = {|SOCK003:QuicReceiveBuffer|};
            return client.Client.ReceiveBufferSize >= QuicReceiveBuffer;
        }
    }
}
