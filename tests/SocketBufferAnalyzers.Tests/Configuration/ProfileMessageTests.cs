using SocketBufferAnalyzers.Tests.Verifiers;
using static SocketBufferAnalyzers.Tests.Configuration.ConfigurationVerifier;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// The same code under different <c>socket_buffer.*</c> profiles gives different messages (rules.md, "Configuration";
    /// window-model.md §0 eras, §2.3 table, §4 ceilings, §6 macOS/Windows). RTT is the default 50 ms unless stated, so a
    /// window W caps one connection at W / 0.05 s × 8 bit = W × 160 bit/s.
    /// </summary>
    public class ProfileMessageTests
    {
        /// <summary>Receive and send, 64 KiB and 8 KiB, on a socket of unknown kind (TCP rules report on it).</summary>
        private const string FourSettings = @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = {|#0:65536|};
        socket.ReceiveBufferSize = {|#1:8192|};
        socket.SendBufferSize = {|#2:65536|};
        socket.SendBufferSize = {|#3:8192|};
    }
}";

        // Send side on every Linux profile here: tcp_wmem = 4096 16384 4 MiB in every era, wmem_max ≥ 64 KiB.
        // 64 KiB: doubled 131 072 = 128 KiB, half in flight 64 KiB, 65 536 × 160 = 10 485 760 bit/s → 10.5 Mbit/s.
        private const string LinuxSend64 =
            "Send buffer fixed at 64 KiB: " +
                "Linux doubles it to 128 KiB (half is overhead) and stops autotuning; one connection tops out at ~10.5 Mbit/s at 50 ms RTT (autotuned: 336 Mbit/s). Remove it or size it for the link.";

        // 8 KiB: doubled 16 KiB, half 8 KiB, 8192 × 160 = 1 310 720 → 1.3 Mbit/s.
        private const string LinuxSend8 =
            "Send buffer fixed at 8 KiB: " +
                "Linux doubles it to 16 KiB (half is overhead) and stops autotuning; one connection tops out at ~1.3 Mbit/s at 50 ms RTT (autotuned: 336 Mbit/s). Remove it or size it for the link.";

        [Theory]
        // 2.6 (≤ 3.3): ratio ¾, tcp_rmem[2] 4 MiB. 64 KiB → 131 072 × ¾ = 98 304 = 96 KiB (ws 1, 65535<<1 ≥ it), 98 304 × 160 =
        // 15 728 640 → 15.7 Mbit/s. 8 KiB → 16 384 × ¾ = 12 288 = 12 KiB, × 160 = 1 966 080 → 2.0 Mbit/s. Ceiling ¾ × 4 MiB = 3 MiB.
        [InlineData(
            "socket_buffer.linux_kernel = 2.6",
            "Receive buffer fixed at 64 KiB: " +
                "Linux doubles it to 128 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 15.7 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link.",
            "Receive buffer fixed at 8 KiB: " +
                "Linux doubles it to 16 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 2.0 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link.")]
        // 6.1 (3.4–6.5): ratio ½, tcp_rmem[2] 6 MiB. 64 KiB → 65 536 window → 10.5 Mbit/s; 8 KiB → 8192 → 1.3 Mbit/s (table b).
        [InlineData(
            "socket_buffer.linux_kernel = 6.1",
            "Receive buffer fixed at 64 KiB: " +
                "Linux doubles it to 128 KiB (half is overhead) and stops autotuning; one connection tops out at 10.5 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link.",
            "Receive buffer fixed at 8 KiB: " +
                "Linux doubles it to 16 KiB (half is overhead) and stops autotuning; one connection tops out at 1.3 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link.")]
        // 6.6 (6.6–6.9): locked window at the initial 65/256. 64 KiB → 131 072 × 65 / 256 = 33 280 (not whole KiB: bytes; vector 8),
        // × 160 = 5 324 800 → 5.3 Mbit/s. 8 KiB → 16 384 × 65 / 256 = 4160, × 160 = 665 600 → 0.67 Mbit/s. Ceiling
        // 6 MiB × 169/256 = 4 153 344 (learned ratio for autotuning) is far above.
        [InlineData(
            "socket_buffer.linux_kernel = 6.6",
            "Receive buffer fixed at 64 KiB: " +
                "Linux doubles it to 128 KiB (75 % is overhead) and stops autotuning; one connection tops out at 5.3 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.",
            "Receive buffer fixed at 8 KiB: " +
                "Linux doubles it to 16 KiB (75 % is overhead) and stops autotuning; one connection tops out at 0.67 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.")]
        // 6.12 (6.11–6.15): the locked window follows the learned 169/256. 64 KiB → 131 072 × 169 / 256 = 86 528 (ws 1 from
        // the initial ½: 65535<<1 = 131 070 ≥ it), × 160 = 13 844 480 → 13.8 Mbit/s. 8 KiB → 16 384 × 169 / 256 = 10 816 (vector 4),
        // × 160 = 1 730 560 → 1.7 Mbit/s. tcp_rmem[2] still 6 MiB.
        [InlineData(
            "socket_buffer.linux_kernel = 6.12",
            "Receive buffer fixed at 64 KiB: " +
                "Linux doubles it to 128 KiB (a third is overhead) and stops autotuning; one connection tops out at 13.8 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.",
            "Receive buffer fixed at 8 KiB: " +
                "Linux doubles it to 16 KiB (a third is overhead) and stops autotuning; one connection tops out at 1.7 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.")]
        // 6.16: same windows as 6.11–6.15, tcp_rmem[2] 32 MiB.
        [InlineData(
            "socket_buffer.linux_kernel = 6.16",
            "Receive buffer fixed at 64 KiB: " +
                "Linux doubles it to 128 KiB (a third is overhead) and stops autotuning; one connection tops out at 13.8 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link.",
            "Receive buffer fixed at 8 KiB: " +
                "Linux doubles it to 16 KiB (a third is overhead) and stops autotuning; one connection tops out at 1.7 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link.")]
        public Task LinuxProfiles(string editorConfig, string receive64, string receive8) => VerifyAsync(
            FourSettings,
            editorConfig,
            At("SOCK001", 0, receive64),
            At("SOCK001", 1, receive8),
            At("SOCK002", 2, LinuxSend64),
            At("SOCK002", 3, LinuxSend8));

        /// <summary>macOS (§6): not doubled, autosizing off; 65 536 × 160 → 10.5 Mbit/s, 8192 × 160 → 1.3 Mbit/s.</summary>
        [Fact]
        public Task MacOS() => VerifyAsync(
            FourSettings,
            "socket_buffer.target_os = macos",
            At("SOCK001", 0, "Receive buffer fixed at 64 KiB: " +
                "macOS keeps it as is (not doubled) and stops autosizing; one connection tops out at 10.5 Mbit/s at 50 ms RTT. Remove it or size it for the link."),
            At("SOCK001", 1, "Receive buffer fixed at 8 KiB: " +
                "macOS keeps it as is (not doubled) and stops autosizing; one connection tops out at 1.3 Mbit/s at 50 ms RTT. Remove it or size it for the link."),
            At("SOCK002", 2, "Send buffer fixed at 64 KiB: " +
                "macOS keeps it as is (not doubled) and stops autosizing; one connection tops out at 10.5 Mbit/s at 50 ms RTT. Remove it or size it for the link."),
            At("SOCK002", 3, "Send buffer fixed at 8 KiB: " +
                "macOS keeps it as is (not doubled) and stops autosizing; one connection tops out at 1.3 Mbit/s at 50 ms RTT. Remove it or size it for the link."));

        /// <summary>Windows (§6): documented behaviour only, not doubled.</summary>
        [Fact]
        public Task Windows() => VerifyAsync(
            FourSettings,
            "socket_buffer.target_os = windows",
            At("SOCK001", 0, "Receive buffer fixed at 64 KiB: " +
                "Windows keeps it as is and is widely reported (not documented) to stop auto-tuning; one connection then tops out at 10.5 Mbit/s at 50 ms RTT. Remove it or size it for the link."),
            At("SOCK001", 1, "Receive buffer fixed at 8 KiB: " +
                "Windows keeps it as is and is widely reported (not documented) to stop auto-tuning; one connection then tops out at 1.3 Mbit/s at 50 ms RTT. Remove it or size it for the link."),
            At("SOCK002", 2, "Send buffer fixed at 64 KiB: " +
                "Windows keeps it as is and is widely reported (not documented) to stop auto-tuning; one connection then tops out at 10.5 Mbit/s at 50 ms RTT. Remove it or size it for the link."),
            At("SOCK002", 3, "Send buffer fixed at 8 KiB: " +
                "Windows keeps it as is and is widely reported (not documented) to stop auto-tuning; one connection then tops out at 1.3 Mbit/s at 50 ms RTT. Remove it or size it for the link."));

        /// <summary>
        /// Both sides of every era boundary of rules.md (≤ 3.3, 3.4–6.5, 6.6–6.9, 6.10, 6.11–6.15, 6.16+; rmem_max from 6.18) for
        /// <c>ReceiveBufferSize = 32768</c> (doubled 65 536): ¾ → 49 152 = 48 KiB (× 160 = 7 864 320 → 7.9; a quarter overhead); ½ → 32 KiB
        /// (5.2, the spec's example; half); 65/256 → 16 640 (2 662 400 → 2.7; 191/256 ≈ 75 % overhead); 169/256 → 43 264 (6 922 240 → 6.9;
        /// 87/256 ≈ a third). Autotuned: before 6.6 the era's ratio × tcp_rmem[2] (¾ × 4 MiB = ½ × 6 MiB = 3 MiB, 3 145 728 × 160 =
        /// 503 316 480 → 503 Mbit/s); from 6.6 the learned 169/256 × 6 MiB = 4 153 344 (× 160 → 665 Mbit/s), × 32 MiB from 6.16 =
        /// 22 151 168 (× 160 = 3 544 186 880 → 3.5 Gbit/s). Kernel versions as <c>uname -r</c> prints them are read by major.minor.
        /// </summary>
        [Theory]
        [InlineData("2.6", "a quarter", "7.9", "503 Mbit/s")]
        [InlineData("2.6.32", "a quarter", "7.9", "503 Mbit/s")]
        [InlineData("3.3", "a quarter", "7.9", "503 Mbit/s")]
        [InlineData("3.4", "half", "5.2", "503 Mbit/s")]
        [InlineData("6.5", "half", "5.2", "503 Mbit/s")]
        [InlineData("6.6", "75 %", "2.7", "665 Mbit/s")]
        [InlineData("6.9", "75 %", "2.7", "665 Mbit/s")]
        [InlineData("6.10", "half", "5.2", "665 Mbit/s")]
        [InlineData("6.11", "a third", "6.9", "665 Mbit/s")]
        [InlineData("6.15", "a third", "6.9", "665 Mbit/s")]
        [InlineData("6.16", "a third", "6.9", "3.5 Gbit/s")]
        [InlineData("6.17", "a third", "6.9", "3.5 Gbit/s")]
        [InlineData("6.18", "a third", "6.9", "3.5 Gbit/s")]
        [InlineData("6.1.0-28-amd64", "half", "5.2", "503 Mbit/s")]
        public Task EraBoundaries(string kernel, string overhead, string rate, string autotuned) => VerifyAsync(
            @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.ReceiveBufferSize = {|#0:32768|}; }",
            "socket_buffer.linux_kernel = " + kernel,
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: Linux doubles it to 64 KiB (" + overhead + " is overhead) and stops autotuning; " +
                "one connection tops out at " + rate + " Mbit/s at 50 ms RTT (autotuned: " + autotuned + "). Remove it or size it for the link."));

        /// <summary>
        /// 6.18 raises rmem_max to 4 MiB (§0), so 1 MiB is kept: doubled 2 MiB, ws 5 (½ × 2 MiB = 1 MiB → ilog2 20), window
        /// 2 097 152 × 169 / 256 = 1 384 448 = 1352 KiB (≤ 65535<<5 = 2 097 120), × 160 = 221 511 680 → 222 Mbit/s; no SOCK003.
        /// On 6.17 rmem_max is 212 992: clamped, doubled 425 984 = 416 KiB, ws 2, 425 984 × 169/256 = 281 216 capped at 65535<<2 =
        /// 262 140 (table i, c3), × 160 = 41 942 400 → 41.9 Mbit/s; and SOCK003.
        /// </summary>
        [Fact]
        public Task Linux618KeepsOneMiBWhere617ClampsIt() => Task.WhenAll(
            VerifyAsync(
                @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.ReceiveBufferSize = {|#0:1048576|}; }",
                "socket_buffer.linux_kernel = 6.18",
                At("SOCK001", 0, "Receive buffer fixed at 1 MiB: " +
                    "Linux doubles it to 2 MiB (a third is overhead) and stops autotuning; one connection tops out at 222 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link.")),
            VerifyAsync(
                @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.ReceiveBufferSize = {|#0:1048576|}; }",
                "socket_buffer.linux_kernel = 6.17",
                At("SOCK001", 0, "Receive buffer fixed at 1 MiB: " +
                    "Linux keeps 416 KiB (a third is overhead) and stops autotuning; one connection tops out at 41.9 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link."),
                At("SOCK003", 0, "Receive buffer of 1 MiB is above net.core.rmem_max (208 KiB): " +
                    "Linux silently cuts it to 208 KiB (416 KiB once doubled). Raise the sysctl or lower the value.")));

        /// <summary>
        /// Send side of the 6.18 wmem_max change: 1 MiB is kept on 6.18 (doubled 2 MiB, half in flight 1 MiB, × 160 = 167 772 160 →
        /// 168 Mbit/s), clamped on 6.17 (212 992 → 416 KiB, 208 KiB in flight, × 160 = 34 078 720 → 34.1) with SOCK003. 2 MiB on 6.18
        /// doubles to 4 MiB = tcp_wmem[2]: nothing forgone, not above wmem_max → silent.
        /// </summary>
        [Fact]
        public Task Linux618SendSide() => Task.WhenAll(
            VerifyAsync(
                @"
using System.Net.Sockets;
class C { void M(Socket socket) { socket.SendBufferSize = {|#0:1048576|}; socket.SendBufferSize = 2097152; } }",
                "socket_buffer.linux_kernel = 6.18",
                At("SOCK002", 0, "Send buffer fixed at 1 MiB: " +
                    "Linux doubles it to 2 MiB (half is overhead) and stops autotuning; one connection tops out at ~168 Mbit/s at 50 ms RTT (autotuned: 336 Mbit/s). Remove it or size it for the link.")),
            VerifyAsync(
                @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.SendBufferSize = {|#0:1048576|}; }",
                "socket_buffer.linux_kernel = 6.17",
                At("SOCK002", 0, "Send buffer fixed at 1 MiB: " +
                    "Linux keeps 416 KiB (half is overhead) and stops autotuning; one connection tops out at ~34.1 Mbit/s at 50 ms RTT (autotuned: 336 Mbit/s). Remove it or size it for the link."),
                At("SOCK003", 0, "Send buffer of 1 MiB is above net.core.wmem_max (208 KiB): " +
                    "Linux silently cuts it to 208 KiB (416 KiB once doubled). Raise the sysctl or lower the value.")));

        /// <summary>
        /// 6.18 with 8 MiB: above the 4 MiB rmem_max → SOCK003 (reports 8 MiB = 2 × 4 MiB) and SOCK001: ws 7 (½ × 8 MiB = 4 MiB → 22),
        /// window 8 388 608 × 169 / 256 = 5 537 792 = 5408 KiB (≤ 65535<<7 = 8 388 480), × 160 = 886 046 720 → 886 Mbit/s.
        /// </summary>
        [Fact]
        public Task Linux618ClampsAboveFourMiB() => VerifyAsync(
            @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.ReceiveBufferSize = {|#0:8 * 1024 * 1024|}; }",
            "socket_buffer.linux_kernel = 6.18",
            At("SOCK001", 0, "Receive buffer fixed at 8 MiB: " +
                "Linux keeps 8 MiB (a third is overhead) and stops autotuning; one connection tops out at 886 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link."),
            At("SOCK003", 0, "Receive buffer of 8 MiB is above net.core.rmem_max (4 MiB): " +
                "Linux silently cuts it to 4 MiB (8 MiB once doubled). Raise the sysctl or lower the value."));

        /// <summary>
        /// rmem_max raised to 64 MiB on 6.1: the autotuning ceiling is ½ × 6 MiB = 3 MiB. 8 MiB → window 8 MiB, 4 MiB → 4 MiB (ws 7,
        /// 65535<<7 = 8 388 480), 3 MiB → exactly 3 MiB: at or above the ceiling, nothing forgone → no SOCK001; none is above
        /// 64 MiB → no SOCK003. 3 145 727 → window 6 291 454 − 3 145 727 = 3 145 727, one byte short → SOCK001 (× 160 = 503 316 320 →
        /// 503 Mbit/s). Send: wmem_max 64 MiB, 2 MiB doubles to 4 MiB = tcp_wmem[2] → no SOCK002; 2 097 151 → 4 194 302 &lt; it → SOCK002.
        /// </summary>
        [Fact]
        public Task NoSock001AtOrAboveTheAutotuningCeiling() => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = 8 * 1024 * 1024;
        socket.ReceiveBufferSize = 4 * 1024 * 1024;
        socket.ReceiveBufferSize = 3 * 1024 * 1024;
        socket.ReceiveBufferSize = {|#0:3145727|};
        socket.SendBufferSize = 2 * 1024 * 1024;
        socket.SendBufferSize = {|SOCK002:2097151|};
    }
}",
            Lines("socket_buffer.linux_kernel = 6.1", "socket_buffer.rmem_max = 67108864", "socket_buffer.wmem_max = 67108864"),
            At("SOCK001", 0, "Receive buffer fixed at 3145727 bytes: " +
                "Linux doubles it to ~6 MiB (half is overhead) and stops autotuning; one connection tops out at 503 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."));

        /// <summary>The same 4 MiB with the stock rmem_max: clamped to 212 992 → 416 KiB, window 208 KiB (× 160 = 34 078 720 → 34.1; vector 5).</summary>
        [Fact]
        public Task FourMiBWithStockRmemMaxIsLockedAndClamped() => VerifyAsync(
            @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.ReceiveBufferSize = {|#0:4 * 1024 * 1024|}; }",
            "socket_buffer.linux_kernel = 6.1",
            At("SOCK001", 0, "Receive buffer fixed at 4 MiB: " +
                "Linux keeps 416 KiB (half is overhead) and stops autotuning; one connection tops out at 34.1 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."),
            At("SOCK003", 0, "Receive buffer of 4 MiB is above net.core.rmem_max (208 KiB): " +
                "Linux silently cuts it to 208 KiB (416 KiB once doubled). Raise the sysctl or lower the value."));

        /// <summary>
        /// tcp_rmem / tcp_wmem configured: tcp_rmem[2] 256 KiB → ceiling ½ × 262 144 = 131 072 (ws 3 from max(256 KiB, 212 992),
        /// 65535<<3 = 524 280). 128 KiB → window 128 KiB = ceiling → silent; 64 KiB → 64 KiB window → SOCK001 naming 256 KiB.
        /// tcp_wmem[2] 256 KiB: 128 KiB doubles to 256 KiB = ceiling → silent; 64 KiB → 128 KiB &lt; it → SOCK002 naming 256 KiB.
        /// </summary>
        [Fact]
        public Task ConfiguredTcpMemSetsTheCeiling() => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = 131072;
        socket.ReceiveBufferSize = {|#0:65536|};
        socket.SendBufferSize = 131072;
        socket.SendBufferSize = {|#1:65536|};
    }
}",
            Lines("socket_buffer.tcp_rmem = 4096 87380 262144", "socket_buffer.tcp_wmem = 4096 16384 262144"),
            At("SOCK001", 0, "Receive buffer fixed at 64 KiB: " +
                "Linux doubles it to 128 KiB (half is overhead) and stops autotuning; one connection tops out at 10.5 Mbit/s at 50 ms RTT (autotuned: 21.0 Mbit/s). Remove it or size it for the link."),
            At("SOCK002", 1, "Send buffer fixed at 64 KiB: " +
                "Linux doubles it to 128 KiB (half is overhead) and stops autotuning; one connection tops out at ~10.5 Mbit/s at 50 ms RTT (autotuned: 21.0 Mbit/s). Remove it or size it for the link."));

        /// <summary>
        /// SOCK003 follows rmem_max/wmem_max, compared as written (UDP socket: no SOCK001/002). rmem_max 1 MiB: 1 MiB is not above;
        /// 2 MiB and 7 MiB are, and Linux reports 2 × 1 MiB = 2 MiB. wmem_max 64 KiB: 128 KiB is above and reports 128 KiB.
        /// </summary>
        [Fact]
        public Task Sock003FollowsConfiguredLimits() => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M()
    {
        var udp = new Socket(SocketType.Dgram, ProtocolType.Udp);
        udp.ReceiveBufferSize = 1048576;
        udp.ReceiveBufferSize = {|#0:2097152|};
        udp.ReceiveBufferSize = {|#1:7 * 1024 * 1024|};
        udp.SendBufferSize = 65536;
        udp.SendBufferSize = {|#2:131072|};
    }
}",
            Lines("socket_buffer.rmem_max = 1048576", "socket_buffer.wmem_max = 65536"),
            At("SOCK003", 0, "Receive buffer of 2 MiB is above net.core.rmem_max (1 MiB): " +
                "Linux silently cuts it to 1 MiB (2 MiB once doubled). Raise the sysctl or lower the value."),
            At("SOCK003", 1, "Receive buffer of 7 MiB is above net.core.rmem_max (1 MiB): " +
                "Linux silently cuts it to 1 MiB (2 MiB once doubled). Raise the sysctl or lower the value."),
            At("SOCK003", 2, "Send buffer of 128 KiB is above net.core.wmem_max (64 KiB): " +
                "Linux silently cuts it to 64 KiB (128 KiB once doubled). Raise the sysctl or lower the value."));

        /// <summary>With rmem_max raised to 16 MiB the quic-go 7 MiB on UDP (vector 12) is no longer clamped.</summary>
        [Fact]
        public Task RaisedRmemMaxSilencesSock003() => VerifyAsync(
            @"
using System.Net.Sockets;
class C { void M() { var udp = new UdpClient(0); udp.Client.ReceiveBufferSize = 7 * 1024 * 1024; } }",
            "socket_buffer.rmem_max = 16777216");

        /// <summary>
        /// macOS (§6, vector 14): limit 8 388 608 × 2048 / 2304 = 7 456 540. 8 MiB and 7 456 541 → ENOBUFS: SOCK003 only, no SOCK001
        /// (the call throws, nothing is locked), on TCP and UDP alike. 7 456 540 is kept: SOCK001, × 160 = 1 193 046 400 → 1.2 Gbit/s.
        /// rmem_max does not apply to macOS.
        /// </summary>
        [Fact]
        public Task MacOSLimitThrows() => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = {|#0:8 * 1024 * 1024|};
        socket.SendBufferSize = {|#1:8388608|};
        socket.ReceiveBufferSize = {|SOCK003:7456541|};
        socket.ReceiveBufferSize = {|#2:7456540|};
        var udp = new UdpClient(0);
        udp.Client.ReceiveBufferSize = {|SOCK003:8 * 1024 * 1024|};
    }
}",
            Lines("socket_buffer.target_os = macos", "socket_buffer.rmem_max = 1024"),
            At("SOCK003", 0, "Receive buffer of 8 MiB is above the macOS limit of ~7.11 MiB: " +
                "the call throws SocketException (ENOBUFS). Lower the value or raise kern.ipc.maxsockbuf (now 8 MiB)."),
            At("SOCK003", 1, "Send buffer of 8 MiB is above the macOS limit of ~7.11 MiB: " +
                "the call throws SocketException (ENOBUFS). Lower the value or raise kern.ipc.maxsockbuf (now 8 MiB)."),
            At("SOCK001", 2, "Receive buffer fixed at 7456540 bytes: " +
                "macOS keeps it as is (not doubled) and stops autosizing; one connection tops out at 1.2 Gbit/s at 50 ms RTT. Remove it or size it for the link."));

        /// <summary>
        /// maxsockbuf 16 MiB: limit 16 777 216 × 2048 / 2304 = 14 913 080 (rounded down). 8 MiB is kept (SOCK001, × 160 =
        /// 1 342 177 280 → 1.3 Gbit/s); 16 MiB throws.
        /// </summary>
        [Fact]
        public Task MacOSMaxSockBufRaisesTheLimit() => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = {|#0:8 * 1024 * 1024|};
        socket.ReceiveBufferSize = {|#1:16 * 1024 * 1024|};
    }
}",
            Lines("socket_buffer.target_os = macos", "socket_buffer.maxsockbuf = 16777216"),
            At("SOCK001", 0, "Receive buffer fixed at 8 MiB: " +
                "macOS keeps it as is (not doubled) and stops autosizing; one connection tops out at 1.3 Gbit/s at 50 ms RTT. Remove it or size it for the link."),
            At("SOCK003", 1, "Receive buffer of 16 MiB is above the macOS limit of ~14.2 MiB: " +
                "the call throws SocketException (ENOBUFS). Lower the value or raise kern.ipc.maxsockbuf (now 16 MiB)."));

        /// <summary>maxsockbuf is a macOS key: on Linux it changes nothing (6.1: 8 MiB is clamped by rmem_max, not rejected).</summary>
        [Fact]
        public Task MaxSockBufIsIgnoredOnLinux() => VerifyAsync(
            @"
using System.Net.Sockets;
class C { void M() { var udp = new UdpClient(0); udp.Client.ReceiveBufferSize = {|#0:8 * 1024 * 1024|}; } }",
            "socket_buffer.maxsockbuf = 1048576",
            At("SOCK003", 0, "Receive buffer of 8 MiB is above net.core.rmem_max (208 KiB): " +
                "Linux silently cuts it to 208 KiB (416 KiB once doubled). Raise the sysctl or lower the value."));

        /// <summary>Windows has no known limit (§6): 8 MiB is SOCK001 only; 8 388 608 × 160 = 1 342 177 280 → 1.3 Gbit/s.</summary>
        [Fact]
        public Task WindowsHasNoLimit() => VerifyAsync(
            @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.ReceiveBufferSize = {|#0:8 * 1024 * 1024|}; }",
            "socket_buffer.target_os = windows",
            At("SOCK001", 0, "Receive buffer fixed at 8 MiB: " +
                "Windows keeps it as is and is widely reported (not documented) to stop auto-tuning; one connection then tops out at 1.3 Gbit/s at 50 ms RTT. Remove it or size it for the link."));

        /// <summary>SOCK005 on macOS: values below 1 → EINVAL (rules.md; vector 11), on TcpClient too (no managed check there).</summary>
        [Fact]
        public Task MacOSRejectsZeroWithEinval() => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket, TcpClient client)
    {
        socket.ReceiveBufferSize = {|#0:0|};
        socket.SendBufferSize = {|#1:0|};
        client.ReceiveBufferSize = {|#2:-1|};
    }
}",
            "socket_buffer.target_os = macos",
            At("SOCK005", 0, "Receive buffer set to 0: " +
                "macOS rejects it and the call throws SocketException (EINVAL). Remove it or use a positive size."),
            At("SOCK005", 1, "Send buffer set to 0: " +
                "macOS rejects it and the call throws SocketException (EINVAL). Remove it or use a positive size."),
            At("SOCK005", 2, "Receive buffer set to -1: " +
                "macOS rejects it and the call throws SocketException (EINVAL). Remove it or use a positive size."));

        /// <summary>
        /// Zero on Linux 6.1 (3.11+ floors 2304/4608): window ½ × 2304 = 1152, × 160 = 184 320 → 0.18 Mbit/s. On 2.6 (floors 256/2048,
        /// ratio ¾): 192-byte window, × 160 = 30 720 → 0.031 Mbit/s; send floor 2048 = exactly 2 KiB. Send caps: half the floor in flight,
        /// 2304 × 160 = 368 640 → 0.37 Mbit/s (6.1), 1024 × 160 = 163 840 → 0.16 Mbit/s (2.6). Windows: receive 0 is reported, send 0 is the no-copy idiom.
        /// </summary>
        [Theory]
        [InlineData(
            "socket_buffer.linux_kernel = 6.1",
            "Receive buffer set to 0: Linux raises it to the minimum, 2.25 KiB, and locks it there; one connection tops out at 0.18 Mbit/s at 50 ms RTT. Remove it to keep autotuning.",
            "Send buffer set to 0: Linux raises it to the minimum, 4.5 KiB, and locks it there; one connection tops out at ~0.37 Mbit/s at 50 ms RTT. Remove it to keep autotuning.")]
        [InlineData(
            "socket_buffer.linux_kernel = 2.6",
            "Receive buffer set to 0: Linux raises it to the minimum, 256 bytes, and locks it there; one connection tops out at 0.031 Mbit/s at 50 ms RTT. Remove it to keep autotuning.",
            "Send buffer set to 0: Linux raises it to the minimum, 2 KiB, and locks it there; one connection tops out at ~0.16 Mbit/s at 50 ms RTT. Remove it to keep autotuning.")]
        [InlineData(
            "socket_buffer.target_os = windows",
            "Receive buffer set to 0: Windows then keeps no receive buffer and data waits in the stack; only SendBufferSize = 0 is a documented idiom. Remove it.",
            null)]
        public Task ZeroPerProfile(string editorConfig, string receive, string? send)
        {
            var expected = new List<Microsoft.CodeAnalysis.Testing.DiagnosticResult> { At("SOCK005", 0, receive) };
            if (send != null)
            {
                expected.Add(At("SOCK005", 1, send));
            }

            return VerifyAsync(
                @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = {|#0:0|};
        socket.SendBufferSize = {|#1:0|};
    }
}",
                editorConfig,
                expected.ToArray());
        }

        /// <summary>
        /// The kernel floor moves at 3.11 (rules.md SOCK005): 1000 is kept on 2.6 and 3.10 (≥ 128) but raised on 3.11 (&lt; 1152);
        /// send 2000 kept before 3.11 (≥ 1024), raised from 3.11 (&lt; 2304); macOS keeps anything ≥ 1.
        /// 2.6: 1000 → 2000 bytes, ¾ → 1500-byte window, × 160 = 240 000 → 0.24 Mbit/s.
        /// </summary>
        [Fact]
        public Task FloorBefore311() => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = {|#0:1000|};
        socket.SendBufferSize = {|SOCK002:2000|};
    }
}",
            "socket_buffer.linux_kernel = 2.6",
            At("SOCK001", 0, "Receive buffer fixed at 1000 bytes: " +
                "Linux doubles it to ~1.95 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 0.24 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."));

        [Theory]
        [InlineData("socket_buffer.linux_kernel = 3.10", "SOCK001", "SOCK002")]
        [InlineData("socket_buffer.linux_kernel = 3.11", "SOCK005", "SOCK005")]
        [InlineData("socket_buffer.target_os = macos", "SOCK001", "SOCK002")]
        public Task FloorMovesWithTheProfile(string editorConfig, string receiveRule, string sendRule) => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = {|#0:1000|};
        socket.SendBufferSize = {|#1:2000|};
    }
}",
            editorConfig,
            AnalyzerVerifier.Diagnostic(receiveRule).WithLocation(0),
            AnalyzerVerifier.Diagnostic(sendRule).WithLocation(1));
    }
}
