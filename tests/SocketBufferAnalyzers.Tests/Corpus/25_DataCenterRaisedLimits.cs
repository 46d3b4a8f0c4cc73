// editorconfig: socket_buffer.rmem_max = 67108864; socket_buffer.wmem_max = 67108864
using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.DataCenter
{
    /// <summary>
    /// A host with rmem_max/wmem_max raised to 64 MiB (Linux 6.1 otherwise). A 32 MiB buffer is at or above what autotuning
    /// reaches (3 MiB window, 4 MiB send buffer): it costs memory, not throughput, so SOCK001/SOCK002 stay silent.
    /// The 8 KiB control channel is still locked small.
    /// </summary>
    public static class ReplicationStreams
    {
        private const int BulkBuffer = 32 * 1024 * 1024;

        public static Socket Bulk(EndPoint peer)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveBufferSize = BulkBuffer;
            socket.SendBufferSize = BulkBuffer;
            socket.Connect(peer);
            return socket;
        }

        public static Socket Control(EndPoint peer)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveBufferSize = {|SOCK001:8 * 1024|};
            socket.Connect(peer);
            return socket;
        }
    }
}
