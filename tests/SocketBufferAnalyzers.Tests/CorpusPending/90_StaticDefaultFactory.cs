// pattern: defaults (rule 3, a constant assigned in a parameterless static Default factory): SOCK007 at that constant; learned from Cowboy (configuration constructors) — factory form from the spec
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.StaticDefaultFactory
{
    public sealed class PoolOptions
    {
        public int ReceiveBufferSize { get; set; }

        public int MaxConnections { get; set; }

        public static PoolOptions Default()
        {
            var options = new PoolOptions();
            options.ReceiveBufferSize = {|SOCK007:65536|};
            options.MaxConnections = 16;
            return options;
        }
    }

    public sealed class Pool
    {
        private readonly PoolOptions _options;

        public Pool(PoolOptions options = null) => _options = options ?? PoolOptions.Default();

        public Socket Rent(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (_options.ReceiveBufferSize > 0)
            {
                socket.ReceiveBufferSize = _options.ReceiveBufferSize;
            }

            socket.Connect(server);
            return socket;
        }
    }
}
