// pattern: defaults (rule 3) vs settings: a constant assigned to an option property in an ordinary method or in a configuration lambda is the user's own setting through that property (SOCK001/002/003/005 at the constant, as for a knob or a forwarder call), not a shipped default: no SOCK007 "Default of … Ship 0" there; only the property initializer is a default; learned from SuperSocket (ConfigureSuperSocket(s => s.ReceiveBufferSize = 2048) in WebSocketBasicTest)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.OptionAssignedInMethodOrLambda
{
    public sealed class ChannelOptions
    {
        public int ReceiveBufferSize { get; set; } = {|SOCK007:4 * 1024|};

        public int SendBufferSize { get; set; } = {|SOCK007:4 * 1024|};
    }

    public sealed class Channel
    {
        private readonly ChannelOptions _options;

        public Channel(ChannelOptions options) => _options = options;

        public Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (_options.ReceiveBufferSize > 0)
                socket.ReceiveBufferSize = _options.ReceiveBufferSize;
            if (_options.SendBufferSize > 0)
                socket.SendBufferSize = _options.SendBufferSize;
            socket.Connect(server);
            return socket;
        }
    }

    public static class ChannelBuilder
    {
        public static Channel Build(Action<ChannelOptions> configure)
        {
            var options = new ChannelOptions();
            configure(options);
            return new Channel(options);
        }
    }

    public static class Samples
    {
        public static Socket SmallReceive(EndPoint server)
        {
            var channel = ChannelBuilder.Build(o =>
            {
                o.ReceiveBufferSize = {|SOCK001:2048|};
            });
            return channel.Open(server);
        }

        public static Socket BulkSend(EndPoint server)
        {
            var options = new ChannelOptions();
            options.SendBufferSize = {|SOCK002:{|SOCK003:1024 * 1024|}|};
            return new Channel(options).Open(server);
        }
    }
}
