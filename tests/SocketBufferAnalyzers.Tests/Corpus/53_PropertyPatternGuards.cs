using System.Net.Sockets;

namespace Corpus.PropertyPatternGuards
{
    /// <summary>Options applied through property patterns: each setting runs only when the option has a value.</summary>
    public sealed class TunnelOptions
    {
        public int? ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }

        public int RawReceive { get; set; }
    }

    public sealed class Tunnel
    {
        private readonly TunnelOptions _options;

        public Tunnel(TunnelOptions options) => _options = options;

        public Socket Open()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            if (_options.ReceiveBufferSize is { } receive)
            {
                socket.ReceiveBufferSize = receive;
            }

            if (_options is { SendBufferSize: > 0 })
            {
                socket.SendBufferSize = _options.SendBufferSize;
            }

            // A declaration pattern on a plain int always matches: no guard.
            if (_options.RawReceive is int raw)
            {
                socket.ReceiveBufferSize = {|SOCK006:raw|};
            }

            return socket;
        }
    }
}
