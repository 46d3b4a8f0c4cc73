using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using SocketBufferAnalyzers.HostProfile;

namespace SocketBufferAnalyzers.LibraryTests.Loopback
{
    /// <summary>
    /// A listener on 127.0.0.1 that accepts whatever a library's client opens and speaks no protocol unless a test
    /// makes it: enough for the client to create its socket, set its buffers and connect.
    /// </summary>
    internal sealed class FakeServer : IDisposable
    {
        private readonly Socket listener;

        private FakeServer(Socket listener) => this.listener = listener;

        public IPEndPoint EndPoint => (IPEndPoint)listener.LocalEndPoint!;

        public int Port => EndPoint.Port;

        /// <param name="maxSegment">TCP_MAXSEG on the listener (inherited by accepted sockets), so the segments sent to
        /// the client are Ethernet-sized instead of loopback's 64 KiB.</param>
        public static FakeServer Start(int? maxSegment = null)
        {
            var socket = LoopbackPair.NewTcpSocket();
            try
            {
                if (maxSegment is int mss)
                {
                    TcpInfo.SetMaxSegment(socket, mss);
                }

                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                socket.Listen(16);
                return new FakeServer(socket);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>The next connection, waiting at most <see cref="SocketStatistics.Patience"/>.</summary>
        public async Task<Socket> AcceptAsync()
        {
            using var cts = new CancellationTokenSource(SocketStatistics.Patience);
            try
            {
                return await listener.AcceptAsync(cts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no client connected to {EndPoint} within {SocketStatistics.Patience.TotalSeconds} s");
            }
        }

        public void Dispose() => listener.Dispose();
    }

    /// <summary>A fact that needs Linux (the window model's host) and <c>ss</c>.</summary>
    public sealed class LoopbackFactAttribute : SocketBufferAnalyzers.ConformanceTests.LinuxFactAttribute
    {
        /// <summary>Needs SO_BUF_LOCK (Linux 5.14+).</summary>
        public bool RequiresSoBufLock { get; set; }

        public override string Skip
        {
            get => base.Skip ?? SocketStatistics.SkipReason ?? BufLockSkipReason()!;
            set => base.Skip = value;
        }

        private string? BufLockSkipReason() =>
            RequiresSoBufLock && !SocketBufferAnalyzers.ConformanceTests.Host.Kernel.Version.AtLeast(5, 14)
                ? "SO_BUF_LOCK is in Linux from 5.14; this host runs " + SocketBufferAnalyzers.ConformanceTests.Host.Kernel.OsRelease
                : null;
    }

    /// <summary>The theory form of <see cref="LoopbackFactAttribute"/>.</summary>
    public sealed class LoopbackTheoryAttribute : TheoryAttribute
    {
        private string? explicitSkip;

        public override string Skip
        {
            get => explicitSkip ?? (new LoopbackFactAttribute().Skip);
            set => explicitSkip = value;
        }
    }
}
