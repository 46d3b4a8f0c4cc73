using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.AmqpLike
{
    /// <summary>A RabbitMQ-like connection factory whose default socket factory fixes both buffers.</summary>
    public class ConnectionFactory
    {
        public const int DefaultAmqpPort = 5672;

        public string HostName { get; set; } = "localhost";

        public int Port { get; set; } = DefaultAmqpPort;

        public Func<AddressFamily, TcpClient> SocketFactory { get; set; } = DefaultSocketFactory;

        public static TcpClient DefaultSocketFactory(AddressFamily addressFamily)
        {
            var client = new TcpClient(addressFamily)
            {
                NoDelay = true,
                ReceiveBufferSize = {|SOCK001:65536|},
                SendBufferSize = {|SOCK002:65536|},
            };
            return client;
        }

        public async Task<TcpClient> ConnectAsync()
        {
            var addresses = await Dns.GetHostAddressesAsync(HostName).ConfigureAwait(false);
            var client = SocketFactory(addresses[0].AddressFamily);
            await client.ConnectAsync(addresses[0], Port).ConfigureAwait(false);
            return client;
        }
    }
}
