using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SocketBufferAnalyzers.LibraryTests.Loopback
{
    /// <summary>
    /// A library client connecting to a <see cref="FakeServer"/>: the server's side of the connection, the client's
    /// socket as <c>ss</c> shows it, and the client's pending connect, which is cancelled and awaited (bounded) on
    /// dispose so a library waiting for a protocol answer never outlives the test.
    /// </summary>
    internal sealed class Observation : IAsyncDisposable
    {
        private static readonly TimeSpan CleanupLimit = TimeSpan.FromSeconds(30);
        private readonly CancellationTokenSource cancel;
        private readonly Task client;

        private Observation(Socket accepted, IPEndPoint serverEndPoint, CancellationTokenSource cancel, Task client)
        {
            Accepted = accepted;
            ServerEndPoint = serverEndPoint;
            this.cancel = cancel;
            this.client = client;
        }

        /// <summary>The fake server's end of the library's connection.</summary>
        public Socket Accepted { get; }

        public IPEndPoint ServerEndPoint { get; }

        /// <summary>The library's end: where its socket is bound.</summary>
        public IPEndPoint ClientEndPoint => (IPEndPoint)Accepted.RemoteEndPoint!;

        public string Command => SocketStatistics.CommandFor(ClientEndPoint, ServerEndPoint);

        /// <summary>Starts <paramref name="connect"/> and accepts the connection it opens.</summary>
        public static async Task<Observation> StartAsync(FakeServer server, Func<CancellationToken, Task> connect)
        {
            var cancel = new CancellationTokenSource();
            var accepting = server.AcceptAsync();
            var client = Task.Run(() => connect(cancel.Token));
            Socket accepted;
            try
            {
                var first = await Task.WhenAny(accepting, client).ConfigureAwait(false);
                if (first == client && !accepting.IsCompleted)
                {
                    await client.ConfigureAwait(false); // surfaces the library's exception, if it failed before connecting
                }

                accepted = await accepting.ConfigureAwait(false);
            }
            catch
            {
                cancel.Cancel();
                cancel.Dispose();
                throw;
            }

            return new Observation(accepted, server.EndPoint, cancel, client);
        }

        /// <summary>
        /// Waits for the library's first bytes (its protocol greeting): whatever it does to its socket between connecting
        /// and its first send has been done by then.
        /// </summary>
        public async Task<int> FirstBytesAsync()
        {
            using var cts = new CancellationTokenSource(SocketStatistics.Patience);
            var buffer = new byte[1024];
            try
            {
                return await Accepted.ReceiveAsync(buffer, SocketFlags.None, cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the client sent nothing within {SocketStatistics.Patience.TotalSeconds} s");
            }
        }

        /// <summary>The library's socket, once <c>ss</c> shows it (and <paramref name="until"/> holds).</summary>
        public SocketEntry ClientSocket(Func<SocketEntry, bool>? until = null) => SocketStatistics.WaitFor(ClientEndPoint, ServerEndPoint, until);

        public async ValueTask DisposeAsync()
        {
            cancel.Cancel();
            Accepted.Dispose();
            try
            {
                await client.WaitAsync(CleanupLimit).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The library's connect fails once its peer is gone or it is cancelled: expected.
            }

            cancel.Dispose();
        }
    }
}
