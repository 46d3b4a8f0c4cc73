// pattern: platform branches (rule 5, negative control): an IsOSPlatform(Windows) block next to the settings, not around them, changes nothing; learned from LiteNetLib and kcp2k (SIO_UDP_CONNRESET blocks)
using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CorpusPending.PlatformCheckBesideSetting
{
    public static class Setup
    {
        private const int SioUdpConnReset = -1744830452;

        public static Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                socket.IOControl(SioUdpConnReset, new byte[] { 0 }, null);
            }

            // Judged with the configured (Linux) profile: 0 is below the send floor there.
            socket.SendBufferSize = {|SOCK005:0|};
            socket.Connect(server);
            return socket;
        }
    }
}
