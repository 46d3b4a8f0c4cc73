using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.BrokerDefaults
{
    /// <summary>Shared defaults of a message-broker client, read directly by the connection code.</summary>
    public static class BrokerDefaults
    {
        public static readonly int SocketReceiveBuffer = {|SOCK007:32 * 1024|};

        public static int SocketSendBuffer { get; } = {|SOCK007:128 * 1024|};

        /// <summary>Not a buffer setting: it sizes the frame buffer only.</summary>
        public static readonly int FrameMax = 128 * 1024;

        public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(60);
    }

    public sealed class BrokerChannel
    {
        private readonly byte[] _frame = new byte[BrokerDefaults.FrameMax];

        public async Task<Socket> OpenAsync(EndPoint broker)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveBufferSize = {|SOCK006:BrokerDefaults.SocketReceiveBuffer|};
            socket.SendBufferSize = {|SOCK006:BrokerDefaults.SocketSendBuffer|};
            await socket.ConnectAsync(broker).ConfigureAwait(false);
            return socket;
        }

        public int FrameCapacity => _frame.Length;
    }
}
