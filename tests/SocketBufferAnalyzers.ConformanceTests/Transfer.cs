using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Tasks;
using SocketBufferAnalyzers.HostProfile;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>What was sampled on both ends while a bounded amount of data crossed a loopback pair.</summary>
    internal sealed class TransferStats
    {
        public long Bytes { get; set; }

        public TimeSpan Elapsed { get; set; }

        /// <summary>Largest tcpi_rcv_wnd the receiver advertised (sampled after every read); 0 if the kernel lacks the field.</summary>
        public long MaxReceiveWindow { get; set; }

        /// <summary>Largest tcpi_snd_wnd on the sender (sampled after every write): the window the receiver put on the wire.</summary>
        public long MaxPeerWindow { get; set; }

        public int MinReceiveBuffer { get; set; } = int.MaxValue;

        public int MaxReceiveBuffer { get; set; }

        public int MinSendBuffer { get; set; } = int.MaxValue;

        public int MaxSendBuffer { get; set; }

        public int Samples { get; set; }

        public override string ToString() =>
            $"{Bytes} bytes in {Elapsed.TotalMilliseconds:0} ms, {Samples} receive samples: rcv_wnd max {MaxReceiveWindow}, sender's snd_wnd max {MaxPeerWindow}, receiver SO_RCVBUF {MinReceiveBuffer}..{MaxReceiveBuffer}, sender SO_SNDBUF {MinSendBuffer}..{MaxSendBuffer}";
    }

    internal static class Transfer
    {
        /// <summary>Bound on a whole transfer; each send/receive is also bounded by the pair's 5 s socket timeouts.</summary>
        public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Sends <paramref name="bytes"/> (at most 8 MiB) from <paramref name="sender"/> and reads them all on
        /// <paramref name="receiver"/> as fast as possible, sampling the receiver's SO_RCVBUF and tcpi_rcv_wnd after
        /// every read and the sender's SO_SNDBUF after every write.
        /// </summary>
        public static TransferStats Run(Socket sender, Socket receiver, int bytes, int chunk = 65536)
        {
            if (bytes <= 0 || bytes > 8 << 20)
            {
                throw new ArgumentOutOfRangeException(nameof(bytes), "conformance transfers are small and bounded");
            }

            var stats = new TransferStats();
            var watch = Stopwatch.StartNew();
            var minSend = int.MaxValue;
            var maxSend = 0;
            long maxPeerWindow = 0;
            var send = Task.Run(() =>
            {
                var data = new byte[chunk];
                var sent = 0;
                while (sent < bytes)
                {
                    sent += sender.Send(data, 0, Math.Min(chunk, bytes - sent), SocketFlags.None);
                    var size = sender.SendBufferSize;
                    minSend = Math.Min(minSend, size);
                    maxSend = Math.Max(maxSend, size);
                    maxPeerWindow = Math.Max(maxPeerWindow, TcpInfo.Read(sender).SendWindow ?? 0);
                }
            });

            var buffer = new byte[65536];
            long received = 0;
            try
            {
                while (received < bytes)
                {
                    if (watch.Elapsed > Limit)
                    {
                        throw new TimeoutException($"transfer of {bytes} bytes over 127.0.0.1 did not finish within {Limit.TotalSeconds} s ({received} received)");
                    }

                    var n = receiver.Receive(buffer, 0, (int)Math.Min(buffer.Length, bytes - received), SocketFlags.None);
                    if (n == 0)
                    {
                        throw new InvalidOperationException($"peer closed after {received} of {bytes} bytes");
                    }

                    received += n;
                    var info = TcpInfo.Read(receiver);
                    stats.MaxReceiveWindow = Math.Max(stats.MaxReceiveWindow, info.ReceiveWindow ?? 0);
                    var rcvbuf = receiver.ReceiveBufferSize;
                    stats.MinReceiveBuffer = Math.Min(stats.MinReceiveBuffer, rcvbuf);
                    stats.MaxReceiveBuffer = Math.Max(stats.MaxReceiveBuffer, rcvbuf);
                    stats.Samples++;
                }
            }
            finally
            {
                bool finished;
                try
                {
                    finished = send.Wait(Limit);
                }
                catch (AggregateException)
                {
                    finished = true; // rethrown below unless the receive side already failed
                }

                if (!finished)
                {
                    // The socket timeouts end the sender; closing makes sure.
                    sender.Close(0);
                }
            }

            send.GetAwaiter().GetResult();
            stats.Bytes = received;
            stats.Elapsed = watch.Elapsed;
            stats.MinSendBuffer = minSend;
            stats.MaxSendBuffer = maxSend;
            stats.MaxPeerWindow = maxPeerWindow;
            return stats;
        }

        /// <summary>Sends exactly <paramref name="bytes"/> and reads them on the other end (a small priming exchange).</summary>
        public static void Exchange(Socket sender, Socket receiver, int bytes)
        {
            Run(sender, receiver, bytes, chunk: bytes);
        }
    }
}
