using static SocketBufferAnalyzers.Tests.Configuration.ConfigurationVerifier;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// Values rules.md accepts: link_rtt in us, ms or s; link_bandwidth in kbit, Mbit, Gbit or plain bits/s; tcp_rmem as sysctl
    /// prints it. None gives SOCK900. The link shows in messages only through the RTT.
    /// </summary>
    public class ValidValueTests
    {
        private const string Source = @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.ReceiveBufferSize = {|#0:32768|}; }";

        /// <summary>
        /// 32 KiB on 6.1: a 32 768-byte window; cap = 32 768 / RTT × 8. 0.5 ms → 524 288 000 → 524 Mbit/s; 2 ms → 131 072 000 → 131;
        /// 0.2 s → 1 310 720 → 1.3; 20 ms → 13 107 200 → 13.1; 1 s → 262 144 → 0.26; 50 ms → 5.2 (the spec's example). Autotuned: the
        /// 3 MiB window (½ × 6 MiB) / RTT × 8 = 25 165 824 bit / RTT: 50.3 Gbit/s, 12.6 Gbit/s, 126 Mbit/s, 1.3 Gbit/s, 25.2 Mbit/s, 503 Mbit/s.
        /// </summary>
        [Theory]
        [InlineData("500us", "0.5 ms", "524 Mbit/s", "50.3 Gbit/s")]
        [InlineData("2 ms", "2 ms", "131 Mbit/s", "12.6 Gbit/s")]
        [InlineData("0.2s", "200 ms", "1.3 Mbit/s", "126 Mbit/s")]
        [InlineData("20ms", "20 ms", "13.1 Mbit/s", "1.3 Gbit/s")]
        [InlineData("1s", "1 s", "0.26 Mbit/s", "25.2 Mbit/s")]
        [InlineData("50ms", "50 ms", "5.2 Mbit/s", "503 Mbit/s")]
        public Task RttChangesTheMessage(string rtt, string shown, string rate, string autotuned) => VerifyAsync(
            Source,
            "socket_buffer.link_rtt = " + rtt,
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: Linux doubles it to 64 KiB (half is overhead) and stops autotuning; " +
                "one connection tops out at " + rate + " at " + shown + " RTT (autotuned: " + autotuned + "). Remove it or size it for the link."));

        /// <summary>Bandwidths are accepted and do not change the SOCK001 message (it quotes the RTT only).</summary>
        [Theory]
        [InlineData("100Mbit")]
        [InlineData("10Gbit")]
        [InlineData("2.5Gbit")]
        [InlineData("1000000")]
        [InlineData("64kbit")]
        [InlineData("1Gbit")]
        public Task BandwidthIsAccepted(string bandwidth) => VerifyAsync(
            Source,
            "socket_buffer.link_bandwidth = " + bandwidth,
            At("SOCK001", 0, DefaultProfile32KiB));

        /// <summary>Bandwidth and RTT together: 10 Gbit at 2 ms, only the RTT shows (131 Mbit/s as above).</summary>
        [Fact]
        public Task BandwidthWithRtt() => VerifyAsync(
            Source,
            Lines("socket_buffer.link_bandwidth = 10Gbit", "socket_buffer.link_rtt = 2ms"),
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (half is overhead) and stops autotuning; one connection tops out at 131 Mbit/s at 2 ms RTT (autotuned: 12.6 Gbit/s). Remove it or size it for the link."));

        /// <summary>tcp_rmem as <c>sysctl net.ipv4.tcp_rmem</c> prints it, tab-separated; 8 MiB max → SOCK001 names 8 MiB.</summary>
        [Theory]
        [InlineData("4096\t131072\t8388608")]
        [InlineData("4096 131072 8388608")]
        public Task TcpRmemAsSysctlPrintsIt(string value) => VerifyAsync(
            Source,
            "socket_buffer.tcp_rmem = " + value,
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (half is overhead) and stops autotuning; one connection tops out at 5.2 Mbit/s at 50 ms RTT (autotuned: 671 Mbit/s). Remove it or size it for the link."));

        /// <summary>
        /// An explicit rmem_max wins over the kernel's default: 6.18 with rmem_max 212 992 clamps 1 MiB again (SOCK003: 208 KiB,
        /// reports 416 KiB), where plain 6.18 (4 MiB) would not.
        /// </summary>
        [Fact]
        public Task ExplicitRmemMaxOverridesTheKernelDefault() => VerifyAsync(
            @"
using System.Net.Sockets;
class C { void M() { var udp = new UdpClient(0); udp.Client.ReceiveBufferSize = {|#0:1048576|}; } }",
            Lines("socket_buffer.linux_kernel = 6.18", "socket_buffer.rmem_max = 212992"),
            At("SOCK003", 0, "Receive buffer of 1 MiB is above net.core.rmem_max (208 KiB): " +
                "Linux silently cuts it to 208 KiB (416 KiB once doubled). Raise the sysctl or lower the value."));

        /// <summary>All keys at once, all valid, stock values: exactly the default profile, no SOCK900.</summary>
        [Fact]
        public Task EveryKeyWithItsDocumentedDefault() => VerifyAsync(
            Source,
            Lines(
                "socket_buffer.target_os = linux",
                "socket_buffer.linux_kernel = 6.1",
                "socket_buffer.rmem_max = 212992",
                "socket_buffer.wmem_max = 212992",
                "socket_buffer.maxsockbuf = 8388608",
                "socket_buffer.tcp_rmem = 4096 131072 6291456",
                "socket_buffer.tcp_wmem = 4096 16384 4194304",
                "socket_buffer.link_rtt = 50ms",
                "socket_buffer.link_bandwidth = 1Gbit"),
            At("SOCK001", 0, DefaultProfile32KiB));
    }
}
