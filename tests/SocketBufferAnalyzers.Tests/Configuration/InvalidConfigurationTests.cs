using Microsoft.CodeAnalysis.Testing;
using static SocketBufferAnalyzers.Tests.Configuration.ConfigurationVerifier;
using static SocketBufferAnalyzers.Tests.Configuration.PerFolderConfigurationTests;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// SOCK900 (rules.md): a <c>socket_buffer.*</c> value that cannot be read or is out of range (sizes, limits, RTT and bandwidth
    /// must be positive; a kernel version 2.6 or later) is reported once per compilation, without a location, naming the key,
    /// the bad value and the default used instead; the default is then used, and every other rule keeps working.
    /// </summary>
    public class InvalidConfigurationTests
    {
        private const string Source = @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.ReceiveBufferSize = {|#0:32768|}; }";

        private const string Kernel = "a kernel version of 2.6 or later, such as 6.1; using 6.1 instead.";
        private const string Bytes = "a positive number of bytes up to 2147483647; using ";
        private const string Triple = "three positive numbers in ascending order, as sysctl prints them; using ";
        private const string Duration = "a positive duration with a unit (us, ms, s), such as 50ms; using 50 ms instead.";
        private const string Rate = "a positive rate with a unit (kbit, Mbit, Gbit) or plain bits/s, such as 1Gbit; using 1 Gbit/s instead.";

        /// <summary>
        /// Every bad value falls back to a default of the default profile (Linux 6.1, rmem_max/wmem_max 212 992, tcp_rmem
        /// 4096 131072 6291456, tcp_wmem 4096 16384 4194304, maxsockbuf 8 MiB, 50 ms, 1 Gbit/s), so SOCK001 on 32 KiB still fires
        /// with the spec's default-profile message.
        /// </summary>
        [Theory]
        // target_os: linux, windows or macos only.
        [InlineData("target_os", "freebsd", "linux, windows or macos; using linux instead.")]
        [InlineData("target_os", "ios", "linux, windows or macos; using linux instead.")]
        [InlineData("target_os", "1", "linux, windows or macos; using linux instead.")]
        // linux_kernel: garbage, below 2.6, no minor, negative, a placeholder.
        [InlineData("linux_kernel", "banana", Kernel)]
        [InlineData("linux_kernel", "2.4", Kernel)]
        [InlineData("linux_kernel", "2.5", Kernel)]
        [InlineData("linux_kernel", "1.0", Kernel)]
        [InlineData("linux_kernel", "0", Kernel)]
        [InlineData("linux_kernel", "6", Kernel)]
        [InlineData("linux_kernel", "-6.1", Kernel)]
        [InlineData("linux_kernel", "6.x", Kernel)]
        // rmem_max / wmem_max / maxsockbuf: bytes, positive, within an int (the setter's argument type).
        [InlineData("rmem_max", "lots", Bytes + "212992 instead.")]
        [InlineData("rmem_max", "-1", Bytes + "212992 instead.")]
        [InlineData("rmem_max", "0", Bytes + "212992 instead.")]
        [InlineData("rmem_max", "2147483648", Bytes + "212992 instead.")]
        [InlineData("rmem_max", "4MiB", Bytes + "212992 instead.")]
        [InlineData("rmem_max", "64k", Bytes + "212992 instead.")]
        [InlineData("wmem_max", "none", Bytes + "212992 instead.")]
        [InlineData("wmem_max", "-212992", Bytes + "212992 instead.")]
        [InlineData("wmem_max", "0", Bytes + "212992 instead.")]
        [InlineData("wmem_max", "99999999999", Bytes + "212992 instead.")]
        [InlineData("wmem_max", "4 MB", Bytes + "212992 instead.")]
        [InlineData("maxsockbuf", "big", Bytes + "8388608 instead.")]
        [InlineData("maxsockbuf", "-1", Bytes + "8388608 instead.")]
        [InlineData("maxsockbuf", "0", Bytes + "8388608 instead.")]
        [InlineData("maxsockbuf", "4294967296", Bytes + "8388608 instead.")]
        [InlineData("maxsockbuf", "8MiB", Bytes + "8388608 instead.")]
        // tcp_rmem / tcp_wmem: exactly three positive numbers, ascending.
        [InlineData("tcp_rmem", "4096 131072", Triple + "4096 131072 6291456 instead.")]
        [InlineData("tcp_rmem", "4096 131072 6291456 8388608", Triple + "4096 131072 6291456 instead.")]
        [InlineData("tcp_rmem", "6291456 131072 4096", Triple + "4096 131072 6291456 instead.")]
        [InlineData("tcp_rmem", "4096 8388608 6291456", Triple + "4096 131072 6291456 instead.")]
        [InlineData("tcp_rmem", "0 131072 6291456", Triple + "4096 131072 6291456 instead.")]
        [InlineData("tcp_rmem", "4096 -1 6291456", Triple + "4096 131072 6291456 instead.")]
        [InlineData("tcp_rmem", "4096 128K 6M", Triple + "4096 131072 6291456 instead.")]
        [InlineData("tcp_rmem", "auto", Triple + "4096 131072 6291456 instead.")]
        [InlineData("tcp_wmem", "4096 16384", Triple + "4096 16384 4194304 instead.")]
        [InlineData("tcp_wmem", "4096 65536 16384", Triple + "4096 16384 4194304 instead.")]
        [InlineData("tcp_wmem", "-4096 16384 4194304", Triple + "4096 16384 4194304 instead.")]
        [InlineData("tcp_wmem", "4096 16384 4MiB", Triple + "4096 16384 4194304 instead.")]
        // link_rtt: positive, with a unit.
        [InlineData("link_rtt", "50", Duration)]
        [InlineData("link_rtt", "-5ms", Duration)]
        [InlineData("link_rtt", "fast", Duration)]
        [InlineData("link_rtt", "0ms", Duration)]
        [InlineData("link_rtt", "0", Duration)]
        [InlineData("link_rtt", "5 parsecs", Duration)]
        // link_bandwidth: positive, in bits (kbit, Mbit, Gbit or plain bits/s).
        [InlineData("link_bandwidth", "1 Tbyte", Rate)]
        [InlineData("link_bandwidth", "-1Gbit", Rate)]
        [InlineData("link_bandwidth", "0", Rate)]
        [InlineData("link_bandwidth", "0Mbit", Rate)]
        [InlineData("link_bandwidth", "fast", Rate)]
        [InlineData("link_bandwidth", "1GB", Rate)]
        public Task ReportedOnceWithKeyValueAndDefault(string key, string value, string expectedAndFallback) => VerifyAsync(
            Source,
            "socket_buffer." + key + " = " + value,
            Sock900("'socket_buffer." + key + " = " + value + "' cannot be used: expected " + expectedAndFallback),
            At("SOCK001", 0, DefaultProfile32KiB));

        /// <summary>
        /// The default named is the configured kernel's: 6.18 → rmem_max 4 MiB (so 1 MiB on UDP is not above it, no SOCK003; and
        /// SOCK001 on 32 KiB uses 6.18: 65 536 × 169/256 = 43 264, 6.9 Mbit/s, ceiling 32 MiB).
        /// </summary>
        [Fact]
        public Task RmemMaxFallsBackToTheKernelsDefault() => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = {|#0:32768|};
        var udp = new UdpClient(0);
        udp.Client.ReceiveBufferSize = 1048576;
    }
}",
            Lines("socket_buffer.linux_kernel = 6.18", "socket_buffer.rmem_max = lots"),
            Sock900("'socket_buffer.rmem_max = lots' cannot be used: expected " + Bytes + "4194304 instead."),
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a third is overhead) and stops autotuning; one connection tops out at 6.9 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link."));

        /// <summary>tcp_rmem falls back to the configured kernel's: 2.6 → 4096 87380 4194304 (SOCK001 with ¾, 48 KiB, 7.9, 4 MiB).</summary>
        [Fact]
        public Task TcpRmemFallsBackToTheKernelsDefault() => VerifyAsync(
            Source,
            Lines("socket_buffer.linux_kernel = 2.6", "socket_buffer.tcp_rmem = 1 2"),
            Sock900("'socket_buffer.tcp_rmem = 1 2' cannot be used: expected " + Triple + "4096 87380 4194304 instead."),
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 7.9 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."));

        /// <summary>6.16 → tcp_rmem 4096 131072 33554432.</summary>
        [Fact]
        public Task TcpRmemFallsBackTo616Default() => VerifyAsync(
            Source,
            Lines("socket_buffer.linux_kernel = 6.16", "socket_buffer.tcp_rmem = x"),
            Sock900("'socket_buffer.tcp_rmem = x' cannot be used: expected " + Triple + "4096 131072 33554432 instead."),
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a third is overhead) and stops autotuning; one connection tops out at 6.9 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link."));

        /// <summary>A bad key does not discard the good ones: 2.6 still applies, only the RTT falls back to 50 ms.</summary>
        [Fact]
        public Task OtherKeysStillApply() => VerifyAsync(
            Source,
            Lines("socket_buffer.linux_kernel = 2.6", "socket_buffer.link_rtt = fast"),
            Sock900("'socket_buffer.link_rtt = fast' cannot be used: expected " + Duration),
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 7.9 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."));

        /// <summary>Several bad keys: one SOCK900 each, once; the rules run on the defaults.</summary>
        [Fact]
        public Task OneSock900PerBadKey() => VerifyAsync(
            Source,
            Lines("socket_buffer.target_os = beos", "socket_buffer.linux_kernel = 2.4", "socket_buffer.link_bandwidth = 1 Tbyte"),
            Sock900("'socket_buffer.target_os = beos' cannot be used: expected linux, windows or macos; using linux instead."),
            Sock900("'socket_buffer.linux_kernel = 2.4' cannot be used: expected " + Kernel),
            Sock900("'socket_buffer.link_bandwidth = 1 Tbyte' cannot be used: expected " + Rate),
            At("SOCK001", 0, DefaultProfile32KiB));

        /// <summary>
        /// A bad target_os silences nothing: Linux rules with default numbers. UDP 7 MiB → SOCK003 (vector 12: 208 KiB, 416 KiB);
        /// 0 → SOCK005 with the 3.11+ floor; 8 KiB send → SOCK002.
        /// </summary>
        [Fact]
        public Task BadTargetOsKeepsEveryRule() => VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = {|#0:32768|};
        socket.ReceiveBufferSize = {|#1:0|};
        socket.SendBufferSize = {|#2:8192|};
        var udp = new UdpClient(0);
        udp.Client.ReceiveBufferSize = {|#3:7 * 1024 * 1024|};
    }
}",
            "socket_buffer.target_os = amiga",
            Sock900("'socket_buffer.target_os = amiga' cannot be used: expected linux, windows or macos; using linux instead."),
            At("SOCK001", 0, DefaultProfile32KiB),
            At("SOCK005", 1, "Receive buffer set to 0: Linux raises it to the minimum, 2.25 KiB, and locks it there; " +
                "one connection tops out at 0.18 Mbit/s at 50 ms RTT. Remove it to keep autotuning."),
            At("SOCK002", 2, "Send buffer fixed at 8 KiB: " +
                "Linux doubles it to 16 KiB (half is overhead) and stops autotuning; one connection tops out at ~1.3 Mbit/s at 50 ms RTT (autotuned: 336 Mbit/s). Remove it or size it for the link."),
            At("SOCK003", 3, "Receive buffer of 7 MiB is above net.core.rmem_max (208 KiB): " +
                "Linux silently cuts it to 208 KiB (416 KiB once doubled). Raise the sysctl or lower the value."));

        /// <summary>The same bad value in two folders' .editorconfig files: one SOCK900 for the compilation; both files use the default.</summary>
        [Fact]
        public Task SameBadValueInTwoFoldersReportedOnce() => Test(
            new[]
            {
                ("/0/FolderA/.editorconfig", "[*.cs]\nsocket_buffer.rmem_max = lots"),
                ("/0/FolderB/.editorconfig", "[*.cs]\nsocket_buffer.rmem_max = lots"),
            },
            new[]
            {
                ("/0/FolderA/File.cs", Receive32KiB("A", 0)),
                ("/0/FolderB/File.cs", Receive32KiB("B", 1)),
            },
            Sock900("'socket_buffer.rmem_max = lots' cannot be used: expected " + Bytes + "212992 instead."),
            At("SOCK001", 0, DefaultProfile32KiB),
            At("SOCK001", 1, DefaultProfile32KiB)).RunAsync();

        /// <summary>The same bad value under two kernels falls back to two different defaults: each is named, so none misleads.</summary>
        [Fact]
        public Task SameBadValueWithDifferentDefaultsReportedPerDefault() => Test(
            new[]
            {
                ("/0/FolderA/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.18\nsocket_buffer.rmem_max = lots"),
                ("/0/FolderB/.editorconfig", "[*.cs]\nsocket_buffer.rmem_max = lots"),
            },
            new[]
            {
                ("/0/FolderA/File.cs", Receive32KiB("A", 0)),
                ("/0/FolderB/File.cs", Receive32KiB("B", 1)),
            },
            Sock900("'socket_buffer.rmem_max = lots' cannot be used: expected " + Bytes + "4194304 instead."),
            Sock900("'socket_buffer.rmem_max = lots' cannot be used: expected " + Bytes + "212992 instead."),
            // 6.18 (era 6.16+): the learned ratio window for 64 KiB is 43 264 bytes, the ceiling buffer 32 MiB.
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a third is overhead) and stops autotuning; one connection tops out at 6.9 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link."),
            At("SOCK001", 1, DefaultProfile32KiB)).RunAsync();

        /// <summary>The same bad value in two files of one folder (every file reads it): once.</summary>
        [Fact]
        public Task SameBadValueInTwoFilesReportedOnce() => Test(
            new[] { ("/0/FolderA/.editorconfig", "[*.cs]\nsocket_buffer.link_rtt = 50") },
            new[]
            {
                ("/0/FolderA/One.cs", Receive32KiB("One", 0)),
                ("/0/FolderA/Two.cs", Receive32KiB("Two", 1)),
            },
            Sock900("'socket_buffer.link_rtt = 50' cannot be used: expected " + Duration),
            At("SOCK001", 0, DefaultProfile32KiB),
            At("SOCK001", 1, DefaultProfile32KiB)).RunAsync();

        /// <summary>A bad value in one folder only: reported once; that folder falls back, the other keeps its own valid profile.</summary>
        [Fact]
        public Task BadValueInOneFolderLeavesTheOtherAlone() => Test(
            new[]
            {
                ("/0/FolderA/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 2.6\nsocket_buffer.link_rtt = -5ms"),
                ("/0/FolderB/.editorconfig", "[*.cs]\nsocket_buffer.link_rtt = 20ms"),
            },
            new[]
            {
                ("/0/FolderA/File.cs", Receive32KiB("A", 0)),
                ("/0/FolderB/File.cs", Receive32KiB("B", 1)),
            },
            Sock900("'socket_buffer.link_rtt = -5ms' cannot be used: expected " + Duration),
            // 2.6 at the default 50 ms: 48 KiB, 7.9 Mbit/s.
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 7.9 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."),
            // 6.1 at 20 ms: 32 768 × 400 = 13 107 200 → 13.1.
            At("SOCK001", 1, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (half is overhead) and stops autotuning; one connection tops out at 13.1 Mbit/s at 20 ms RTT (autotuned: 1.3 Gbit/s). Remove it or size it for the link.")).RunAsync();

        /// <summary>A bad value in a .globalconfig (seen globally and by every file): once.</summary>
        [Fact]
        public Task BadGlobalConfigValueReportedOnce() => Test(
            new[] { ("/.globalconfig", "is_global = true\nsocket_buffer.link_bandwidth = -1Gbit") },
            new[]
            {
                ("/0/FolderA/File.cs", Receive32KiB("A", 0)),
                ("/0/FolderB/File.cs", Receive32KiB("B", 1)),
            },
            Sock900("'socket_buffer.link_bandwidth = -1Gbit' cannot be used: expected " + Rate),
            At("SOCK001", 0, DefaultProfile32KiB),
            At("SOCK001", 1, DefaultProfile32KiB)).RunAsync();

        /// <summary>A bad value with no buffer setting anywhere is still reported (the configuration is wrong whatever the code).</summary>
        [Fact]
        public Task ReportedWithoutAnyBufferSetting() => VerifyAsync(
            @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.NoDelay = true; }",
            "socket_buffer.linux_kernel = 2.4",
            Sock900("'socket_buffer.linux_kernel = 2.4' cannot be used: expected " + Kernel));

        /// <summary>
        /// SOCK900 has no source location, so (as for any such diagnostic in Roslyn) its severity comes from a .globalconfig, not from a
        /// file section of an .editorconfig.
        /// </summary>
        [Fact]
        public Task Sock900CanBeSilencedInGlobalConfig() => Test(
            new[]
            {
                ("/.globalconfig", "is_global = true\ndotnet_diagnostic.SOCK900.severity = none"),
                ("/.editorconfig", "root = true\n\n[*]\nsocket_buffer.linux_kernel = 2.4"),
            },
            new[] { ("/0/Test0.cs", Source) },
            At("SOCK001", 0, DefaultProfile32KiB)).RunAsync();
    }
}
