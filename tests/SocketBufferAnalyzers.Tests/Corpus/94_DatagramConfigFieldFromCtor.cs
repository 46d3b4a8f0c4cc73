// pattern: kind from callers (rule 2, a field assigned from a constructor parameter takes the join of the arguments): a datagram channel's configuration is UDP, so its forwarding setter called with a constant gets SOCK003 only; learned from DotNetty (DefaultDatagramChannelConfig)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.DatagramConfig
{
    public sealed class DatagramChannelConfig
    {
        private readonly Socket _socket;

        public DatagramChannelConfig(Socket socket) => _socket = socket;

        public int ReceiveBufferSize
        {
            get => _socket.ReceiveBufferSize;
            set => _socket.ReceiveBufferSize = value;
        }

        public int SendBufferSize
        {
            get => _socket.SendBufferSize;
            set => _socket.SendBufferSize = value;
        }
    }

    public sealed class DatagramChannel
    {
        public DatagramChannel(AddressFamily family)
        {
            Socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
            Config = new DatagramChannelConfig(Socket);
        }

        public Socket Socket { get; }

        public DatagramChannelConfig Config { get; }
    }

    public static class Telemetry
    {
        public static DatagramChannel Open(IPEndPoint local)
        {
            var channel = new DatagramChannel(local.AddressFamily);
            channel.Config.ReceiveBufferSize = {|SOCK003:16 * 1024 * 1024|};
            channel.Config.SendBufferSize = 32 * 1024;
            channel.Socket.Bind(local);
            return channel;
        }
    }
}
