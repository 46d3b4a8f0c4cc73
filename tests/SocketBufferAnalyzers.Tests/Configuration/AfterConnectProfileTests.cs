using static SocketBufferAnalyzers.Tests.Configuration.ConfigurationVerifier;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// SOCK004's wording per profile (rules.md SOCK004; window-model.md "Wmax (After)", §3.3): before 6.11 the window stays at
    /// the clamp fixed at establishment; on 6.11+ a later raise reaches it only before the first full-sized segment; on
    /// macOS/Windows the rule is the documented one, unverified. <c>ReceiveBufferSize = 131072</c> after Connect (doubled 262 144).
    /// SOCK001 on the same setting caps one connection at the window it really gets, the clamp (× 160 bit/s at 50 ms): 65 535 → 10.5,
    /// 43 690 → 7.0, 65 536 → 10.5, 33 280 → 5.3, 86 528 → 13.8 Mbit/s, so its number and SOCK004's agree. Sizes that are not whole
    /// KiB print to 3 significant digits with "~" (65 535 → "~64 KiB", 43 690 → "~42.7 KiB"; 33 280 = 32.5 KiB, 86 528 = 84.5 KiB).
    /// </summary>
    public class AfterConnectProfileTests
    {
        private const string AfterConnect = @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(EndPoint endPoint)
    {
        var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
        s.Connect(endPoint);
        {|#0:s.ReceiveBufferSize = {|#1:131072|}|};
    }
}";

        private const string Advice = " Set it before Connect.";

        [Theory]
        // 2.6: clamp = ¾ × tcp_rmem[1] 87 380 = 87 380 − 21 845 = 65 535 bytes; Before = ¾ × 262 144 = 196 608 = 192 KiB (ws 2,
        // 65535<<2 = 262 140 ≥ it); SOCK001: 196 608 × 160 = 31 457 280 → 31.5 Mbit/s, ceiling 4 MiB.
        [InlineData(
            "2.6",
            "on Linux 2.6 the connection's window stays at ~64 KiB instead of 192 KiB.",
            "Receive buffer fixed at 128 KiB: " +
                "Linux doubles it to 256 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 10.5 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link.")]
        // 4.19: tcp_rmem[1] still 87 380 → clamp ½ × 87 380 = 43 690; Before ½ × 262 144 = 128 KiB; 131 072 × 160 = 20 971 520 → 21.0.
        [InlineData(
            "4.19",
            "on Linux 4.19 the connection's window stays at ~42.7 KiB instead of 128 KiB.",
            "Receive buffer fixed at 128 KiB: " +
                "Linux doubles it to 256 KiB (half is overhead) and stops autotuning; one connection tops out at 7.0 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link.")]
        // 6.1: the spec's own SOCK004 example (clamp ½ × 131 072 = 64 KiB).
        [InlineData(
            "6.1",
            "on Linux 6.1 the connection's window stays at 64 KiB instead of 128 KiB.",
            "Receive buffer fixed at 128 KiB: " +
                "Linux doubles it to 256 KiB (half is overhead) and stops autotuning; one connection tops out at 10.5 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link.")]
        // 6.6: clamp 131 072 × 65/256 = 33 280; Before 262 144 × 65/256 = 66 560 = 65 KiB (ws 1); × 160 = 10 649 600 → 10.6.
        [InlineData(
            "6.6",
            "on Linux 6.6 the connection's window stays at 32.5 KiB instead of 65 KiB.",
            "Receive buffer fixed at 128 KiB: " +
                "Linux doubles it to 256 KiB (75 % is overhead) and stops autotuning; one connection tops out at 5.3 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.")]
        // 6.10: last era before a2cbb1603943: clamp ½ × 131 072 = 64 KiB, Before 128 KiB, as 6.1; autotuning already uses the learned
        // 169/256 (× 6 MiB = 4 153 344, × 160 → 665 Mbit/s).
        [InlineData(
            "6.10",
            "on Linux 6.10 the connection's window stays at 64 KiB instead of 128 KiB.",
            "Receive buffer fixed at 128 KiB: " +
                "Linux doubles it to 256 KiB (half is overhead) and stops autotuning; one connection tops out at 10.5 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.")]
        // 6.11/6.12: clamp 131 072 × 169/256 = 86 528; Before 262 144 × 169/256 = 173 056 = 169 KiB (ws 2 from ½ × 262 144 = 131 072,
        // 65535<<2 = 262 140 ≥ it); × 160 = 27 688 960 → 27.7.
        [InlineData(
            "6.11",
            "on Linux 6.11 the connection's window stays at 84.5 KiB instead of 169 KiB once data has arrived.",
            "Receive buffer fixed at 128 KiB: " +
                "Linux doubles it to 256 KiB (a third is overhead) and stops autotuning; one connection tops out at 13.8 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.")]
        [InlineData(
            "6.12",
            "on Linux 6.12 the connection's window stays at 84.5 KiB instead of 169 KiB once data has arrived.",
            "Receive buffer fixed at 128 KiB: " +
                "Linux doubles it to 256 KiB (a third is overhead) and stops autotuning; one connection tops out at 13.8 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.")]
        // 6.16: same clamp and window, ceiling 32 MiB (the scale negotiated unlocked is 10, 65535<<10 far above).
        [InlineData(
            "6.16",
            "on Linux 6.16 the connection's window stays at 84.5 KiB instead of 169 KiB once data has arrived.",
            "Receive buffer fixed at 128 KiB: " +
                "Linux doubles it to 256 KiB (a third is overhead) and stops autotuning; one connection tops out at 13.8 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link.")]
        public Task ConstantAfterConnect(string kernel, string why, string sock001) => VerifyAsync(
            AfterConnect,
            "socket_buffer.linux_kernel = " + kernel,
            At("SOCK004", 0, "ReceiveBufferSize is set after Connect, too late: " + why + Advice),
            At("SOCK001", 1, sock001));

        private const string ConfiguredAfterConnect = @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(EndPoint endPoint, int size)
    {
        var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
        s.Connect(endPoint);
        {|#0:s.ReceiveBufferSize = size|};
    }
}";

        /// <summary>A non-constant value after Connect: SOCK004 whatever the era, with the era's wording and its clamp.</summary>
        [Theory]
        [InlineData("6.1", "on Linux 6.1 the connection's window stays at 64 KiB, whatever size is configured.")]
        [InlineData("6.12", "on Linux 6.12 the connection's window stays at 84.5 KiB once data has arrived, whatever size is configured.")]
        public Task ConfiguredAfterConnectOnLinux(string kernel, string why) => VerifyAsync(
            ConfiguredAfterConnect,
            Lines("socket_buffer.linux_kernel = " + kernel, Sock006Off),
            At("SOCK004", 0, "ReceiveBufferSize is set after Connect, too late: " + why + Advice));

        [Theory]
        [InlineData("macos", "macOS")]
        [InlineData("windows", "Windows")]
        public Task ConfiguredAfterConnectElsewhereIsTheDocumentedRule(string os, string name) => VerifyAsync(
            ConfiguredAfterConnect,
            Lines("socket_buffer.target_os = " + os, Sock006Off),
            At("SOCK004", 0, "ReceiveBufferSize is set after Connect, too late: the connection agreed its window scale when it was made, so a larger buffer " +
                "may not widen the window (documented rule, unverified on " + name + ")." + Advice));
    }
}
