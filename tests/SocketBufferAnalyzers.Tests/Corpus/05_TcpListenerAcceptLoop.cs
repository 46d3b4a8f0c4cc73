using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.ListenerServer
{
    public sealed class ServerOptions
    {
        public IPEndPoint EndPoint { get; set; } = new IPEndPoint(IPAddress.Any, 8080);

        public int Backlog { get; set; } = 512;

        /// <summary>Set on the listener so that every accepted connection inherits it; null keeps autotuning.</summary>
        public int? ReceiveBufferSize { get; set; }
    }

    /// <summary>A TcpListener server: the listener is configured only when asked; the accept loop tunes each client.</summary>
    public sealed class LineServer
    {
        private readonly ServerOptions _options;

        public LineServer(ServerOptions options) => _options = options;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var listener = new TcpListener(_options.EndPoint);
            if (_options.ReceiveBufferSize.HasValue)
            {
                listener.Server.ReceiveBufferSize = _options.ReceiveBufferSize.Value;
            }

            listener.Start(_options.Backlog);
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                    client.NoDelay = true;
                    client.SendBufferSize = {|SOCK002:32 * 1024|};
                    {|SOCK004:client.ReceiveBufferSize = {|SOCK001:128 * 1024|}|};
                    _ = HandleAsync(client, cancellationToken);
                }
            }
            finally
            {
                listener.Stop();
            }
        }

        private static async Task HandleAsync(TcpClient client, CancellationToken cancellationToken)
        {
            using (client)
            {
                var buffer = new byte[4096];
                var stream = client.GetStream();
                while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
        }
    }
}
