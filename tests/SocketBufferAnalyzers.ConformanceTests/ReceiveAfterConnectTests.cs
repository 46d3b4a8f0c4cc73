using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// window-model.md §3.3: a receive buffer raised after Connect. Up to 6.10 the window stays at the clamp fixed at
    /// establishment. From 6.11 (a2cbb1603943) the clamp is recomputed from the locked buffer whenever the learned
    /// scaling ratio changes, which on a real link happens at the first full-sized segment; so a raise made right
    /// after Connect reaches the window, and one made after data has arrived does not (the model's "After").
    /// </summary>
    /// <remarks>
    /// What loopback can and cannot show. lo has MTU 65536: without help, segment sizes vary (536-byte rcv_mss
    /// estimate, then 32 KiB, then 64 KiB GSO frames) and every size change relearns the ratio, so on plain loopback
    /// a raise made after data has arrived <i>still</i> reaches the window (measured on 6.18: 1 MiB set after 64 KiB
    /// had arrived reached a 2 MB window). Both tests therefore cap the MSS with TCP_MAXSEG 1460 on the client before
    /// Connect, which gives Ethernet-sized 1448-byte segments in both directions (GSO frames keep gso_size 1448, so the
    /// receiver's rcv_mss stays 1448 and the ratio is learned once). Loopback's learned ratio is not Ethernet's:
    /// skb truesize on lo gives 198/256 after two 1448-byte segments and up to 229/256 once GSO frames arrive
    /// (the model assumes 169/256, measured on AWS ENA), so
    /// learned-ratio windows are compared with bounds, not equality. The window is read as the largest tcpi_rcv_wnd
    /// sampled after each read of a 4 MiB transfer, read as fast as it arrives, so free space stays near the clamp.
    /// </remarks>
    public sealed class ReceiveAfterConnectTests(ITestOutputHelper output)
    {
        private const int Mss = 1460;
        private const int Raised = 1 << 20;
        private const int Bulk = 4 << 20;

        [LinuxFact(RequiresWindowScaling = true, RequiresReceiveWindowInfo = true)]
        public void RaisedRightAfterConnectReachesTheWindowFrom611()
        {
            var profile = Host.Profile;
            var before = Host.Model(Raised, BufferSide.Receive, SetTiming.BeforeConnect);
            var after = Host.Model(Raised, BufferSide.Receive, SetTiming.AfterConnect);
            var era611 = profile.Era >= KernelEra.L611To615;
            var c = new Comparison(output, $"ReceiveBufferSize = {Raised} right after Connect, before any data (MSS {Mss}, era {profile.Era})");

            using var pair = LoopbackPair.Open(clientBeforeConnect: s => TcpInfo.SetMaxSegment(s, Mss));
            var clampAtConnect = TcpInfo.WindowClamp(pair.Client);
            pair.Client.ReceiveBufferSize = Raised;
            var stats = Transfer.Run(pair.Accepted, pair.Client, Bulk);
            var info = TcpInfo.Read(pair.Client);
            var window = stats.MaxReceiveWindow;

            // Whatever ratio the kernel learns (at most 255/256), the establishment clamp is below tcp_rmem[1]; a
            // window above that, and at least half the model's Before window, shows the raise took effect.
            var unraisedBound = profile.TcpRmem.Default + (1L << info.ReceiveScale);
            c.Check("TCP_INFO has tcpi_rcv_wnd (length >= 236)", ">= 236", info.Length, info.HasReceiveWindow);
            c.Equal("read-back (EffectiveBuffer)", after.EffectiveBuffer, pair.Client.ReceiveBufferSize);
            c.Equal("receive scale stays unlocked (WindowScale, AfterConnect)", after.WindowScale, info.ReceiveScale);
            if (era611)
            {
                c.Check("max rcv_wnd reaches the raised buffer's window", "> " + Comparison.N(unraisedBound) + " and >= MaxWindowBefore/2 = " + Comparison.N(before.MaxWindowBefore / 2), window, window > unraisedBound && window >= before.MaxWindowBefore / 2);
                c.Check("the peer saw it (sender's max tcpi_snd_wnd)", "> " + Comparison.N(unraisedBound), stats.MaxPeerWindow, stats.MaxPeerWindow > unraisedBound);
            }
            else
            {
                // Up to 6.10 the clamp is ratio x tcp_rmem[1] less one segment; the window may round up to 1 << wscale.
                var bound = after.ClampAtEstablishment + (1L << info.ReceiveScale);
                c.Check("max rcv_wnd stays at the establishment clamp", "<= ClampAtEstablishment + 2^scale = " + Comparison.N(bound), window, window <= bound);
                c.Check("so does the peer's view (sender's max tcpi_snd_wnd)", "<= " + Comparison.N(bound), stats.MaxPeerWindow, stats.MaxPeerWindow <= bound);
            }

            c.Check("max rcv_wnd within the buffer and the scale", "<= min(EffectiveBuffer, 65535 << scale)", window, window <= after.EffectiveBuffer && window <= WindowModel.MaxUnscaledWindow << info.ReceiveScale);
            c.Note($"model MaxWindowBefore {before.MaxWindowBefore} (ratio {profile.RatioLearned}/256), MaxWindowAfter {after.MaxWindowAfter} (assumes data had arrived)");
            c.Note($"kernel window_clamp at Connect {clampAtConnect}, after the transfer {TcpInfo.WindowClamp(pair.Client)} (learned ratio ~{TcpInfo.WindowClamp(pair.Client) * 256L / after.EffectiveBuffer}/256)");
            c.Note(stats.ToString());
            c.Verify();
        }

        [LinuxFact(RequiresWindowScaling = true, RequiresReceiveWindowInfo = true)]
        public void RaisedAfterDataHasArrivedStaysAtTheEstablishmentClamp()
        {
            var profile = Host.Profile;
            var before = Host.Model(Raised, BufferSide.Receive, SetTiming.BeforeConnect);
            var after = Host.Model(Raised, BufferSide.Receive, SetTiming.AfterConnect);
            var c = new Comparison(output, $"ReceiveBufferSize = {Raised} after two full-sized segments arrived (MSS {Mss}, era {profile.Era})");

            using var pair = LoopbackPair.Open(clientBeforeConnect: s => TcpInfo.SetMaxSegment(s, Mss));
            var segment = (int)TcpInfo.Read(pair.Accepted).SendMss; // 1448 with timestamps, 1460 without
            Transfer.Exchange(pair.Accepted, pair.Client, 2 * segment);
            var primed = TcpInfo.Read(pair.Client);
            var clampBeforeRaise = TcpInfo.WindowClamp(pair.Client);
            pair.Client.ReceiveBufferSize = Raised;
            var stats = Transfer.Run(pair.Accepted, pair.Client, Bulk);
            var info = TcpInfo.Read(pair.Client);
            var window = stats.MaxReceiveWindow;

            // The window may be rounded up to the scale's granularity (__tcp_select_window aligns to 1 << wscale).
            var grain = 1L << info.ReceiveScale;
            var establishmentBound = profile.TcpRmem.Default + grain;
            c.Check("TCP_INFO has tcpi_rcv_wnd (length >= 236)", ">= 236", info.Length, info.HasReceiveWindow);
            c.Check("precondition: a full-sized segment arrived (tcpi_rcv_mss = sender's MSS)", Comparison.N(segment), primed.ReceiveMss, segment > 0 && primed.ReceiveMss == segment);
            c.Equal("read-back (EffectiveBuffer)", after.EffectiveBuffer, pair.Client.ReceiveBufferSize);
            c.Equal("receive scale stays unlocked (WindowScale, AfterConnect)", after.WindowScale, info.ReceiveScale);
            c.Check("max rcv_wnd stays at the clamp learned before the raise", "<= " + Comparison.N(clampBeforeRaise + grain), window, window <= clampBeforeRaise + grain);
            c.Check("max rcv_wnd within ratio x tcp_rmem[1] for any ratio", "<= " + Comparison.N(establishmentBound), window, window <= establishmentBound);
            c.Check("the peer saw no more (sender's max tcpi_snd_wnd)", "<= " + Comparison.N(establishmentBound), stats.MaxPeerWindow, stats.MaxPeerWindow <= establishmentBound);
            c.Check("far below the Before window", "< MaxWindowBefore/2 = " + Comparison.N(before.MaxWindowBefore / 2), window, window < before.MaxWindowBefore / 2);
            c.Note($"model MaxWindowAfter {after.MaxWindowAfter} = ClampAtEstablishment {after.ClampAtEstablishment} (tcp_rmem[1] x {profile.RatioLearned}/256); kernel clamp before the raise {clampBeforeRaise} = tcp_rmem[1] x {clampBeforeRaise * 256.0 / profile.TcpRmem.Default:0.#}/256 (loopback truesize)");
            c.Note($"model MaxWindowBefore {before.MaxWindowBefore}");
            c.Note(stats.ToString());
            c.Verify();
        }
    }
}
