using System.Net.Sockets;

namespace Corpus.MinusOneSentinel
{
    /// <summary>-1 means "not set": the setting is guarded (some configuration keeps autotuning), yet 0 would reach it.</summary>
    public sealed class LinkOptions
    {
        public int ReceiveBuffer { get; set; } = -1;

        public int SendBuffer { get; set; } = {|SOCK007:128 * 1024|};
    }

    public sealed class Link
    {
        private readonly LinkOptions _options = new LinkOptions();

        public Socket Open()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            if (_options.ReceiveBuffer != -1)
            {
                socket.ReceiveBufferSize = _options.ReceiveBuffer;
            }

            if (_options.SendBuffer != -1)
            {
                socket.SendBufferSize = _options.SendBuffer;
            }

            return socket;
        }
    }
}
