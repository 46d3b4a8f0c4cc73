using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.RawOptions
{
    /// <summary>Linux-only tuning through SetRawSocketOption(SOL_SOCKET, SO_RCVBUF/SO_SNDBUF, …).</summary>
    public static class LinuxSocketTuning
    {
        private const int SOL_SOCKET = 1;
        private const int SO_SNDBUF = 7;
        private const int SO_RCVBUF = 8;

        public static void Apply(Socket socket)
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            socket.SetRawSocketOption(SOL_SOCKET, SO_RCVBUF, BitConverter.GetBytes({|SOCK001:32 * 1024|}));
            socket.SetRawSocketOption(SOL_SOCKET, SO_SNDBUF, BitConverter.GetBytes({|SOCK005:0|}));
        }

        public static int Configured { get; set; }

        public static Socket CreateFromFactory(Func<Socket> factory)
        {
            int configured = Configured;
            Socket socket = factory();
            socket.ReceiveBufferSize = {|SOCK006:configured|};
            return socket;
        }

        public static void Udp(int configured)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.ReceiveBufferSize = configured;
            socket.SetRawSocketOption(SOL_SOCKET, SO_RCVBUF, BitConverter.GetBytes(64 * 1024));
        }
    }
}
