using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.LegacyCode
{
    /// <summary>Legacy code with "disable" and "minimum" sentinels written straight into the socket.</summary>
    public static class LegacySocketSetup
    {
        public static TcpClient CreateClient()
        {
            var client = new TcpClient(AddressFamily.InterNetwork);

            // -1 meant "system default" in the old config file; TcpClient passes it on and Linux takes the maximum.
            client.ReceiveBufferSize = {|SOCK005:-1|};
            return client;
        }

        public static void MinimalLatency(Socket socket)
        {
            // "No buffering": Linux raises 0 to its 4608-byte floor.
            socket.SendBufferSize = {|SOCK005:0|};
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, {|SOCK005:512|});
        }

        public static Socket Beacon()
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.ReceiveBufferSize = {|SOCK005:0|};
            udp.SendBufferSize = 2304;
            return udp;
        }
    }
}
