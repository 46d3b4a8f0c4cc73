using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.UdpTransport
{
    /// <summary>
    /// A UDP transport (RTP-like) shipping defaults above net.core.rmem_max. UDP has no autotuning, so no SOCK007;
    /// the shipped value is clamped for everyone who keeps it, so SOCK003 sits on the initializer.
    /// </summary>
    public sealed class UdpTransportOptions
    {
        public int ReceiveBufferSize { get; set; } = {|SOCK003:4 * 1024 * 1024|};

        public int SendBufferSize { get; set; } = {|SOCK003:256 * 1024|};

        public int MaxDatagramSize { get; set; } = 1472;
    }

    public sealed class RtpReceiver : IDisposable
    {
        private readonly UdpClient _client;

        public RtpReceiver(IPEndPoint local, UdpTransportOptions options)
        {
            _client = new UdpClient(local);
            if (options.ReceiveBufferSize > 0)
            {
                _client.Client.ReceiveBufferSize = options.ReceiveBufferSize;
            }

            if (options.SendBufferSize > 0)
            {
                _client.Client.SendBufferSize = options.SendBufferSize;
            }
        }

        public void Dispose() => _client.Dispose();
    }
}
