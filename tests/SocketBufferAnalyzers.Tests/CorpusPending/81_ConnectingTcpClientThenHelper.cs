// pattern: timing across methods (rule 4): TcpClient(host, port) connects in its constructor, then a helper sets the receive buffer; 64 KiB loses nothing after connecting on 6.1, 96 KiB does; learned from Cowboy (TcpClient-based sessions)
using System;
using System.Net.Sockets;

namespace CorpusPending.ConnectingTcpClient
{
    internal static class ClientTuning
    {
        public static void Larger(TcpClient client)
        {
            {|SOCK004:client.ReceiveBufferSize = {|SOCK001:96 * 1024|}|};
        }

        /// <summary>After connecting, the window clamp is 64 KiB anyway: the model says nothing is lost by the timing.</summary>
        public static void Default64(TcpClient client)
        {
            client.ReceiveBufferSize = {|SOCK001:64 * 1024|};
        }
    }

    public static class Fetcher
    {
        public static TcpClient Open(string host, int port)
        {
            var client = new TcpClient(host, port);
            ClientTuning.Larger(client);
            ClientTuning.Default64(client);
            return client;
        }
    }
}
