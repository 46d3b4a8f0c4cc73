using System.Net.Sockets;

namespace Corpus.SocketReplacedByDatagram
{
    /// <summary>A local first holds a TCP socket, then the UDP socket the code really uses: at the settings it is UDP.</summary>
    public static class MetricsSink
    {
        public static Socket Open(bool useDatagrams)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.SendBufferSize = {|SOCK002:16 * 1024|};
            socket.Dispose();

            socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.SendBufferSize = 16 * 1024;
            socket.ReceiveBufferSize = {|SOCK003:4 * 1024 * 1024|};
            if (useDatagrams)
            {
                socket.ReceiveBufferSize = 64 * 1024;
            }

            return socket;
        }
    }
}
