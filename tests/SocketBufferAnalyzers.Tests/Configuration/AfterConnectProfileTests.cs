using static SocketBufferAnalyzers.Tests.Configuration.ConfigurationVerifier;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// SOCK004's wording per profile (rules.md SOCK004; window-model.md "Wmax (After)", §3.3): before 6.11 the window stays at
    /// the clamp fixed at establishment; on 6.11+ a later raise reaches it only before the first full-sized segment; on
    /// macOS/Windows the rule is the documented one, unverified. <c>ReceiveBufferSize = 131072</c> after Connect (doubled 262 144).
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

        private const string Advice = "; set it before Connect, or on the listener for accepted sockets.";

        [Theory]
        // 2.6: clamp = ¾ × tcp_rmem[1] 87 380 = 87 380 − 21 845 = 65 535 bytes; Before = ¾ × 262 144 = 196 608 = 192 KiB (ws 2,
        // 65535<<2 = 262 140 ≥ it); SOCK001: 196 608 × 160 = 31 457 280 → 31.5 Mbit/s, ceiling 4 MiB.
        [InlineData(
            "2.6",
            "on Linux 2.6 the window stays at the clamp fixed when the connection was established (65535 bytes), so the 192 KiB window it asks for is never advertised",
            "Receive buffer fixed at 128 KiB: Linux allocates 256 KiB, advertises at most a 192 KiB window and stops autotuning that could grow the buffer to 4 MiB; at 50 ms RTT one connection tops out at 31.5 Mbit/s.")]
        // 4.19: tcp_rmem[1] still 87 380 → clamp ½ × 87 380 = 43 690; Before ½ × 262 144 = 128 KiB; 131 072 × 160 = 20 971 520 → 21.0.
        [InlineData(
            "4.19",
            "on Linux 4.19 the window stays at the clamp fixed when the connection was established (43690 bytes), so the 128 KiB window it asks for is never advertised",
            "Receive buffer fixed at 128 KiB: Linux allocates 256 KiB, advertises at most a 128 KiB window and stops autotuning that could grow the buffer to 6 MiB; at 50 ms RTT one connection tops out at 21.0 Mbit/s.")]
        // 6.1: the spec's own SOCK004 example (clamp ½ × 131 072 = 64 KiB).
        [InlineData(
            "6.1",
            "on Linux 6.1 the window stays at the clamp fixed when the connection was established (64 KiB), so the 128 KiB window it asks for is never advertised",
            "Receive buffer fixed at 128 KiB: Linux allocates 256 KiB, advertises at most a 128 KiB window and stops autotuning that could grow the buffer to 6 MiB; at 50 ms RTT one connection tops out at 21.0 Mbit/s.")]
        // 6.6: clamp 131 072 × 65/256 = 33 280; Before 262 144 × 65/256 = 66 560 = 65 KiB (ws 1); × 160 = 10 649 600 → 10.6.
        [InlineData(
            "6.6",
            "on Linux 6.6 the window stays at the clamp fixed when the connection was established (33280 bytes), so the 65 KiB window it asks for is never advertised",
            "Receive buffer fixed at 128 KiB: Linux allocates 256 KiB, advertises at most a 65 KiB window and stops autotuning that could grow the buffer to 6 MiB; at 50 ms RTT one connection tops out at 10.6 Mbit/s.")]
        // 6.10: last era before a2cbb1603943: clamp ½ × 131 072 = 64 KiB, Before 128 KiB, as 6.1.
        [InlineData(
            "6.10",
            "on Linux 6.10 the window stays at the clamp fixed when the connection was established (64 KiB), so the 128 KiB window it asks for is never advertised",
            "Receive buffer fixed at 128 KiB: Linux allocates 256 KiB, advertises at most a 128 KiB window and stops autotuning that could grow the buffer to 6 MiB; at 50 ms RTT one connection tops out at 21.0 Mbit/s.")]
        // 6.11/6.12: clamp 131 072 × 169/256 = 86 528; Before 262 144 × 169/256 = 173 056 = 169 KiB (ws 2 from ½ × 262 144 = 131 072,
        // 65535<<2 = 262 140 ≥ it); × 160 = 27 688 960 → 27.7.
        [InlineData(
            "6.11",
            "on Linux 6.11 a larger buffer reaches the window only if no full-sized segment has arrived yet; otherwise the window stays at the clamp fixed when the connection was established (86528 bytes), so the 169 KiB window it asks for is never advertised",
            "Receive buffer fixed at 128 KiB: Linux allocates 256 KiB, advertises at most a 169 KiB window and stops autotuning that could grow the buffer to 6 MiB; at 50 ms RTT one connection tops out at 27.7 Mbit/s.")]
        [InlineData(
            "6.12",
            "on Linux 6.12 a larger buffer reaches the window only if no full-sized segment has arrived yet; otherwise the window stays at the clamp fixed when the connection was established (86528 bytes), so the 169 KiB window it asks for is never advertised",
            "Receive buffer fixed at 128 KiB: Linux allocates 256 KiB, advertises at most a 169 KiB window and stops autotuning that could grow the buffer to 6 MiB; at 50 ms RTT one connection tops out at 27.7 Mbit/s.")]
        // 6.16: same clamp and window, ceiling 32 MiB (the scale negotiated unlocked is 10, 65535<<10 far above).
        [InlineData(
            "6.16",
            "on Linux 6.16 a larger buffer reaches the window only if no full-sized segment has arrived yet; otherwise the window stays at the clamp fixed when the connection was established (86528 bytes), so the 169 KiB window it asks for is never advertised",
            "Receive buffer fixed at 128 KiB: Linux allocates 256 KiB, advertises at most a 169 KiB window and stops autotuning that could grow the buffer to 32 MiB; at 50 ms RTT one connection tops out at 27.7 Mbit/s.")]
        public Task ConstantAfterConnect(string kernel, string why, string sock001) => VerifyAsync(
            AfterConnect,
            "socket_buffer.linux_kernel = " + kernel,
            At("SOCK004", 0, "ReceiveBufferSize is set after Connect: " + why + Advice),
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
        [InlineData("6.1", "on Linux 6.1 the window stays at the clamp fixed when the connection was established (64 KiB)")]
        [InlineData("6.12", "on Linux 6.12 a larger buffer reaches the window only if no full-sized segment has arrived yet; otherwise the window stays at the clamp fixed when the connection was established (86528 bytes)")]
        public Task ConfiguredAfterConnectOnLinux(string kernel, string why) => VerifyAsync(
            ConfiguredAfterConnect,
            Lines("socket_buffer.linux_kernel = " + kernel, Sock006Off),
            At("SOCK004", 0, "ReceiveBufferSize is set after Connect: " + why + ", so a larger configured size is never advertised" + Advice));

        [Theory]
        [InlineData("macos", "macOS")]
        [InlineData("windows", "Windows")]
        public Task ConfiguredAfterConnectElsewhereIsTheDocumentedRule(string os, string name) => VerifyAsync(
            ConfiguredAfterConnect,
            Lines("socket_buffer.target_os = " + os, Sock006Off),
            At("SOCK004", 0, "ReceiveBufferSize is set after Connect: the window scale was negotiated when the connection was established, so a larger buffer " +
                "cannot raise the window beyond it; this is the documented rule (man 7 tcp), unverified on " + name + Advice));
    }
}
