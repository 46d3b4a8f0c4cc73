using System.Net.Sockets;

namespace Corpus.ForceFlagIsNoGuard
{
    public sealed class TransportSettings
    {
        public bool ForceBuffers { get; set; }

        public bool Enabled { get; set; }

        public int ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }
    }

    /// <summary>`force || size &gt; 0` sets 0 when force is on: no guard. `enabled &amp;&amp; size &gt; 0` is one.</summary>
    public sealed class Transport
    {
        private readonly TransportSettings _settings = new TransportSettings();

        public void Configure(TcpClient client)
        {
            if (_settings.ForceBuffers || _settings.ReceiveBufferSize > 0)
            {
                client.ReceiveBufferSize = {|SOCK006:_settings.ReceiveBufferSize|};
            }

            if (_settings.Enabled && _settings.SendBufferSize > 0)
            {
                client.SendBufferSize = _settings.SendBufferSize;
            }
        }
    }
}
