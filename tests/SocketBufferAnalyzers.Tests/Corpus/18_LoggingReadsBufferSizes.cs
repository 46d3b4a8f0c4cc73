using System;
using System.Net.Sockets;
using System.Text;

namespace Corpus.Diagnostics
{
    /// <summary>Reads buffer sizes for logging and metrics: reading never sets anything.</summary>
    public static class SocketDiagnostics
    {
        public static string Describe(Socket socket)
        {
            var builder = new StringBuilder();
            builder.Append("rcvbuf=").Append(socket.ReceiveBufferSize);
            builder.Append(" sndbuf=").Append(socket.SendBufferSize);
            var raw = (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer);
            builder.Append(" raw=").Append(raw);
            return builder.ToString();
        }

        public static void Log(TcpClient client, Action<string> log)
        {
            log($"TCP client buffers: receive {client.ReceiveBufferSize} B, send {client.SendBufferSize} B, nodelay {client.NoDelay}");
            var kernelDoubled = client.Client.ReceiveBufferSize / 2;
            log("requested (Linux halves the doubled value): " + kernelDoubled);
        }

        public static bool IsLocked(Socket socket, int requested) => socket.ReceiveBufferSize == 2 * requested;
    }
}
