using System.Net.Sockets;

namespace Corpus.NestedIfsAndScaledKib
{
    public sealed class ProxyOptions
    {
        public bool TuneSockets { get; set; }

        public int ReceiveBufferKiB { get; set; }

        public int SendBufferKiB { get; set; }
    }

    /// <summary>Sizes in KiB scaled to bytes, guarded by the unscaled option, inside nested ifs.</summary>
    public sealed class Proxy
    {
        private readonly ProxyOptions _options = new ProxyOptions();

        public void Prepare(Socket upstream)
        {
            if (_options.TuneSockets)
            {
                if (_options.ReceiveBufferKiB > 0)
                {
                    upstream.ReceiveBufferSize = _options.ReceiveBufferKiB * 1024;
                }
            }

            var sendKiB = _options.SendBufferKiB;
            if (sendKiB > 0)
            {
                if (_options.TuneSockets)
                {
                    upstream.SendBufferSize = sendKiB * 1024;
                }
            }

            if (_options.TuneSockets)
            {
                upstream.ReceiveBufferSize = {|SOCK006:_options.ReceiveBufferKiB * 1024|};
            }
        }
    }
}
