using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.NullableDefaults
{
    public sealed class MqttClientOptions
    {
        /// <summary>Nullable "so users can unset it", but it ships with a value.</summary>
        public int? ReceiveBufferSize { get; set; } = {|SOCK007:65536|};

        public int SendBufferSize { get; set; } = {|SOCK007:65536|};

        public int KeepAliveSeconds { get; set; } = 60;
    }

    public static class MqttTransport
    {
        public static TcpClient Create(MqttClientOptions options)
        {
            var client = new TcpClient(AddressFamily.InterNetworkV6)
            {
                NoDelay = true,
                SendBufferSize = {|SOCK006:options.SendBufferSize|},
            };

            if (options.ReceiveBufferSize.HasValue)
            {
                client.ReceiveBufferSize = options.ReceiveBufferSize.Value;
            }

            client.Client.DualMode = true;
            return client;
        }
    }
}
