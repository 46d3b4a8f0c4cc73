// pattern: platform branches (rule 5, RuntimeInformation.IsOSPlatform): a macOS branch is judged with the macOS profile (above maxsockbuf's limit: SOCK003 only), the Linux branch with Linux numbers; learned from LiteNetLib (IsOSPlatform checks) and kcp2k
using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CorpusPending.IsOSPlatformBranches
{
    public static class BulkReceiver
    {
        public static Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                // 8 MiB is above 8 MiB × 2048 / 2304 = 7456540: the call throws on macOS.
                socket.ReceiveBufferSize = {|SOCK003:8 * 1024 * 1024|};
            }
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                socket.ReceiveBufferSize = {|SOCK001:{|SOCK003:8 * 1024 * 1024|}|};
            }

            socket.Connect(server);
            return socket;
        }
    }
}
