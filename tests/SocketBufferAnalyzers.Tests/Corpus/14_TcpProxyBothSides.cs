using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.Proxy
{
    /// <summary>A TCP relay that fixes 128 KiB buffers on both legs: before connecting upstream, after accepting downstream.</summary>
    public sealed class TcpRelay
    {
        private const int BufferSize = 128 * 1024;

        private readonly TcpListener _listener;
        private readonly EndPoint _upstream;

        public TcpRelay(IPEndPoint listen, EndPoint upstream)
        {
            _listener = new TcpListener(listen);
            _upstream = upstream;
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            _listener.Start();
            while (true)
            {
                var downstream = await _listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
                {|SOCK004:downstream.ReceiveBufferSize = {|SOCK001:BufferSize|}|};
                downstream.SendBufferSize = {|SOCK002:BufferSize|};
                _ = RelayAsync(downstream, cancellationToken);
            }
        }

        private async Task RelayAsync(Socket downstream, CancellationToken cancellationToken)
        {
            using var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
            upstream.ReceiveBufferSize = {|SOCK001:BufferSize|};
            upstream.SendBufferSize = {|SOCK002:BufferSize|};
            await upstream.ConnectAsync(_upstream, cancellationToken).ConfigureAwait(false);

            using (downstream)
            {
                var up = PumpAsync(downstream, upstream, cancellationToken);
                var down = PumpAsync(upstream, downstream, cancellationToken);
                await Task.WhenAny(up, down).ConfigureAwait(false);
            }
        }

        private static async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
        {
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
