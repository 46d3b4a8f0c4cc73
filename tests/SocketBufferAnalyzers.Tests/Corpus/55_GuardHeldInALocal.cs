using System.Net.Sockets;

namespace Corpus.GuardHeldInALocal
{
    public sealed class StreamConfig
    {
        public int ReceiveBufferBytes { get; set; }

        public int SendBufferBytes { get; set; }
    }

    /// <summary>The test is kept in a bool local first; a local that is written again guards nothing.</summary>
    public static class StreamFactory
    {
        private static readonly StreamConfig Config = new StreamConfig();

        public static Socket Create()
        {
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            bool receiveConfigured = Config.ReceiveBufferBytes > 0;
            if (receiveConfigured)
            {
                socket.ReceiveBufferSize = Config.ReceiveBufferBytes;
            }

            var sendConfigured = Config.SendBufferBytes > 0;
            sendConfigured = true;
            if (sendConfigured)
            {
                socket.SendBufferSize = {|SOCK006:Config.SendBufferBytes|};
            }

            return socket;
        }
    }
}
