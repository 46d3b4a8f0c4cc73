using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.QuicLike
{
    /// <summary>
    /// quic-go style: QUIC wants 7 MiB UDP buffers, tries SO_RCVBUF, reads it back, then SO_RCVBUFFORCE
    /// (needs CAP_NET_ADMIN). On a stock kernel both SO_RCVBUF requests are above net.core.rmem_max.
    /// </summary>
    public static class QuicSocketFactory
    {
        private const int DesiredReceiveBufferSize = 7 * 1024 * 1024;
        private const int DesiredSendBufferSize = 7 * 1024 * 1024;

        private const int SOL_SOCKET = 1;
        private const int SO_SNDBUFFORCE = 32;
        private const int SO_RCVBUFFORCE = 33;

        public static Socket Create(IPEndPoint local, Action<string> log)
        {
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            socket.DualMode = true;
            socket.Bind(local);

            if (socket.ReceiveBufferSize < DesiredReceiveBufferSize)
            {
                socket.ReceiveBufferSize = {|SOCK003:DesiredReceiveBufferSize|};
                if (socket.ReceiveBufferSize < DesiredReceiveBufferSize && OperatingSystem.IsLinux())
                {
                    try
                    {
                        socket.SetRawSocketOption(SOL_SOCKET, SO_RCVBUFFORCE, BitConverter.GetBytes({|SOCK003:DesiredReceiveBufferSize|}));
                    }
                    catch (SocketException e)
                    {
                        log($"failed to increase receive buffer size (wanted: {DesiredReceiveBufferSize / 1024} kiB, got {socket.ReceiveBufferSize / 1024} kiB): {e.Message}");
                    }
                }
            }

            if (socket.SendBufferSize < DesiredSendBufferSize)
            {
                socket.SendBufferSize = {|SOCK003:DesiredSendBufferSize|};
                if (socket.SendBufferSize < DesiredSendBufferSize && OperatingSystem.IsLinux())
                {
                    try
                    {
                        socket.SetRawSocketOption(SOL_SOCKET, SO_SNDBUFFORCE, BitConverter.GetBytes({|SOCK003:DesiredSendBufferSize|}));
                    }
                    catch (SocketException e)
                    {
                        log("failed to increase send buffer size: " + e.Message);
                    }
                }
            }

            return socket;
        }
    }
}
