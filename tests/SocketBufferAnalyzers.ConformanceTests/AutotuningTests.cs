using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// window-model.md §1.3 and §4: an unlocked TCP buffer is autotuned between tcp_rmem/tcp_wmem [1] and [2]; an
    /// explicit size locks it (BufferOutcome.Locked) and it never moves.
    /// </summary>
    /// <remarks>
    /// Loopback caveats. Growth is only shown as "past the starting size and within [2]": how far it gets depends on
    /// the RTT estimate (tens of microseconds on lo), on the cwnd/ssthresh cached in tcp_metrics for 127.0.0.1 by
    /// earlier connections, and on scheduling. The unlocked send buffer is already expanded at establishment
    /// (tcp_sndbuf_expand: 2 x max(10, cwnd, reordering + 1) x per-segment memory; 69 120 with a fresh metrics entry
    /// and TCP_MAXSEG 1460, up to about 3.9 MB with 64 KiB loopback segments and a cached cwnd of 15), so "starting
    /// size" is the value before Connect, tcp_wmem[1]. TCP_MAXSEG 1460 keeps the segments Ethernet-sized so
    /// growth happens during the transfer rather than all at once.
    /// </remarks>
    public sealed class AutotuningTests(ITestOutputHelper output)
    {
        private const int Mss = 1460;
        private const int Bulk = 4 << 20;
        private const int Locked = 65536;

        [LinuxFact(RequiresReceiveAutotuning = true)]
        public void UnlockedReceiveBufferGrows()
        {
            var profile = Host.Profile;
            var c = new Comparison(output, $"No ReceiveBufferSize; {Bulk} bytes received over 127.0.0.1 (MSS {Mss})");

            using var pair = LoopbackPair.Open(clientBeforeConnect: s => TcpInfo.SetMaxSegment(s, Mss));
            var start = pair.Client.ReceiveBufferSize;
            var stats = Transfer.Run(pair.Accepted, pair.Client, Bulk);

            c.Equal("starting size (tcp_rmem[1])", profile.TcpRmem.Default, start);
            c.Check("grows past the starting size", "> " + Comparison.N(profile.TcpRmem.Default), stats.MaxReceiveBuffer, stats.MaxReceiveBuffer > profile.TcpRmem.Default);
            c.Check("stays within the autotuning ceiling (tcp_rmem[2])", "<= " + Comparison.N(profile.TcpRmem.Max), stats.MaxReceiveBuffer, stats.MaxReceiveBuffer <= profile.TcpRmem.Max);
            c.Note(stats.ToString());
            c.Verify();
        }

        [LinuxFact]
        public void LockedReceiveBufferDoesNotGrow()
        {
            var model = Host.Model(Locked, BufferSide.Receive);
            var c = new Comparison(output, $"ReceiveBufferSize = {Locked} before Connect; {Bulk} bytes received over 127.0.0.1 (MSS {Mss})");

            using var pair = LoopbackPair.Open(clientBeforeConnect: s =>
            {
                TcpInfo.SetMaxSegment(s, Mss);
                s.ReceiveBufferSize = Locked;
            });
            var stats = Transfer.Run(pair.Accepted, pair.Client, Bulk);

            c.Equal("model: locked (autotuning off)", true, model.Locked);
            c.Equal("lowest SO_RCVBUF while receiving", model.EffectiveBuffer, stats.MinReceiveBuffer);
            c.Equal("highest SO_RCVBUF while receiving", model.EffectiveBuffer, stats.MaxReceiveBuffer);
            c.Note(stats.ToString());
            c.Verify();
        }

        [LinuxFact]
        public void UnlockedSendBufferGrows()
        {
            var profile = Host.Profile;
            var c = new Comparison(output, $"No SendBufferSize; {Bulk} bytes sent over 127.0.0.1 (MSS {Mss})");

            int beforeConnect;
            using (var fresh = LoopbackPair.NewTcpSocket())
            {
                beforeConnect = fresh.SendBufferSize;
            }

            using var pair = LoopbackPair.Open(clientBeforeConnect: s => TcpInfo.SetMaxSegment(s, Mss));
            var atConnect = pair.Client.SendBufferSize;
            var stats = Transfer.Run(pair.Client, pair.Accepted, Bulk);

            c.Equal("starting size before Connect (tcp_wmem[1])", profile.TcpWmem.Default, beforeConnect);
            c.Check("grows past the starting size", "> " + Comparison.N(profile.TcpWmem.Default), stats.MaxSendBuffer, stats.MaxSendBuffer > profile.TcpWmem.Default);
            c.Check("stays within the autotuning ceiling (tcp_wmem[2])", "<= " + Comparison.N(profile.TcpWmem.Max), stats.MaxSendBuffer, stats.MaxSendBuffer <= profile.TcpWmem.Max);
            c.Note($"SO_SNDBUF right after Connect {atConnect} (tcp_sndbuf_expand); during the transfer {stats.MinSendBuffer}..{stats.MaxSendBuffer}");
            c.Note(stats.ToString());
            c.Verify();
        }

        [LinuxFact]
        public void LockedSendBufferDoesNotGrow()
        {
            var model = Host.Model(Locked, BufferSide.Send);
            var c = new Comparison(output, $"SendBufferSize = {Locked} before Connect; {Bulk} bytes sent over 127.0.0.1 (MSS {Mss})");

            using var pair = LoopbackPair.Open(clientBeforeConnect: s =>
            {
                TcpInfo.SetMaxSegment(s, Mss);
                s.SendBufferSize = Locked;
            });
            var atConnect = pair.Client.SendBufferSize;
            var stats = Transfer.Run(pair.Client, pair.Accepted, Bulk);

            c.Equal("model: locked (autotuning off)", true, model.Locked);
            c.Equal("SO_SNDBUF right after Connect (no tcp_sndbuf_expand)", model.EffectiveBuffer, atConnect);
            c.Equal("lowest SO_SNDBUF while sending", model.EffectiveBuffer, stats.MinSendBuffer);
            c.Equal("highest SO_SNDBUF while sending", model.EffectiveBuffer, stats.MaxSendBuffer);
            c.Note(stats.ToString());
            c.Verify();
        }
    }
}
