// editorconfig: socket_buffer.linux_kernel = 6.12
using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.Linux612
{
    /// <summary>
    /// Linux 6.12 (a2cbb1603943 present): a locked 96 KiB buffer set before connecting gives ≈127 KiB of window;
    /// set after, the window stays at the ≈84 KiB clamp fixed at establishment once data flows.
    /// </summary>
    public static class MarketDataFeed
    {
        public static TcpClient Subscribe(IPEndPoint gateway)
        {
            var client = new TcpClient(AddressFamily.InterNetwork);
            client.Client.Connect(gateway);
            {|SOCK004:client.ReceiveBufferSize = {|SOCK001:96 * 1024|}|};
            return client;
        }

        /// <summary>A client handed in: its connection state is unknown here, so only the lock is reported.</summary>
        public static void OnAccepted(TcpClient client)
        {
            client.ReceiveBufferSize = {|SOCK001:96 * 1024|};
            client.NoDelay = true;
        }
    }
}
