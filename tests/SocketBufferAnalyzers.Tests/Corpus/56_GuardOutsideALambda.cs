using System;
using System.Net.Sockets;

namespace Corpus.GuardOutsideALambda
{
    public sealed class ChannelOptions
    {
        public int ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }
    }

    /// <summary>A socket configurator built only when the size is set: the guard around the lambda guards the setting inside it.</summary>
    public sealed class ChannelBuilder
    {
        private readonly ChannelOptions _options = new ChannelOptions();
        private Action<Socket> _configure = _ => { };

        public ChannelBuilder WithBuffers()
        {
            var receive = _options.ReceiveBufferSize;
            if (receive > 0)
            {
                _configure = socket => socket.ReceiveBufferSize = receive;
            }

            // No guard anywhere: every configuration fixes the send buffer.
            _configure += socket => socket.SendBufferSize = {|SOCK006:_options.SendBufferSize|};
            return this;
        }

        public void Apply(Socket socket) => _configure(socket);
    }
}
