using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.Kibibytes
{
    /// <summary>Configuration given in KiB (like many ini files): the guard tests the setting, the value scales it.</summary>
    public sealed class NodeConfig
    {
        public int ReceiveBufferKiB { get; set; }

        public int SendBufferKiB { get; set; }
    }

    public sealed class PeerConnector
    {
        private readonly NodeConfig _config;

        public PeerConnector(NodeConfig config) => _config = config;

        public Socket Connect(IPEndPoint peer)
        {
            var socket = new Socket(peer.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (_config.ReceiveBufferKiB > 0)
            {
                socket.ReceiveBufferSize = _config.ReceiveBufferKiB * 1024;
            }

            // No guard: 0 KiB in the file becomes a 0-byte request, raised to the kernel floor and locked.
            socket.SendBufferSize = {|SOCK006:_config.SendBufferKiB * 1024|};
            socket.Connect(peer);
            return socket;
        }
    }
}
