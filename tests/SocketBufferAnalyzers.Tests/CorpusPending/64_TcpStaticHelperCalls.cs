// pattern: forwarders (rule 1): each call of a helper with a size parameter is a setting at its argument (constant → SOCK001/002, configured → SOCK006); learned from kcp2k (TCP counterpart)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.TcpStaticHelper
{
    public sealed class LinkOptions
    {
        /// <summary>No default: 0 means "leave it to the kernel"; applied without a guard, though.</summary>
        public int ReceiveBuffer { get; set; }

        public int SendBuffer { get; set; }
    }

    public static class Buffers
    {
        /// <summary>Plumbing: no diagnostic here; each call is judged at its arguments.</summary>
        public static void Apply(Socket socket, int receive, int send)
        {
            socket.ReceiveBufferSize = receive;
            socket.SendBufferSize = send;
        }
    }

    public sealed class LinkClient
    {
        private readonly LinkOptions _options = new LinkOptions();

        public Socket OpenFixed(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Buffers.Apply(socket, {|SOCK001:4096|}, {|SOCK002:4096|});
            socket.Connect(server);
            return socket;
        }

        public Socket OpenConfigured(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Buffers.Apply(socket, {|SOCK006:_options.ReceiveBuffer|}, {|SOCK006:_options.SendBuffer|});
            socket.Connect(server);
            return socket;
        }

        public Socket OpenTiny(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Buffers.Apply(socket, {|SOCK005:1024|}, {|SOCK005:2048|});
            socket.Connect(server);
            return socket;
        }
    }
}
