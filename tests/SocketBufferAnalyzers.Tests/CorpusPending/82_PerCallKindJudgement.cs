// pattern: kind from callers (rule 2, last sentence): socket and size both parameters, each call judged with its own arguments (UDP call → SOCK003 only, TCP call → TCP rules); learned from kcp2k and LiteNetLib
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.PerCallKind
{
    internal static class Buffers
    {
        public static void SetReceive(Socket socket, int size) => socket.ReceiveBufferSize = size;
    }

    public sealed class Node
    {
        public void Open(IPEndPoint peer)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            Buffers.SetReceive(udp, {|SOCK003:8 * 1024 * 1024|});
            Buffers.SetReceive(udp, 64 * 1024);

            var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Buffers.SetReceive(tcp, {|SOCK001:{|SOCK003:8 * 1024 * 1024|}|});
            tcp.Connect(peer);
        }
    }
}
