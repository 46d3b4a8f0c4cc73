// pattern: forwarders (rule 1): a chain of forwarders two deep, with KiB arithmetic on the way; limits compared in bytes as the value reaches the socket; learned from Hazelcast and kcp2k
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.ForwarderChain
{
    internal static class Low
    {
        public static void SetReceive(Socket socket, int bytes) => socket.ReceiveBufferSize = bytes;
    }

    internal static class Mid
    {
        /// <summary>The size arrives in KiB and leaves in bytes.</summary>
        public static void ConfigureKib(Socket socket, int kib) => Low.SetReceive(socket, kib * 1024);
    }

    public sealed class Connector
    {
        public Socket Large(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            // 512 KiB = 524288 bytes: locked and above rmem_max.
            Mid.ConfigureKib(socket, {|SOCK001:{|SOCK003:512|}|});
            socket.Connect(server);
            return socket;
        }

        public Socket Medium(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Mid.ConfigureKib(socket, {|SOCK001:64|});
            socket.Connect(server);
            return socket;
        }

        public Socket Tiny(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            // 1 KiB = 1024 bytes: below the receive floor of 1152.
            Mid.ConfigureKib(socket, {|SOCK005:1|});
            socket.Connect(server);
            return socket;
        }
    }
}
