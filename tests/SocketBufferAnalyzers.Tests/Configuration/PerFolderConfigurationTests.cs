using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;
using static SocketBufferAnalyzers.Tests.Configuration.ConfigurationVerifier;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// Options are read per syntax tree (rules.md, "Configuration"): one folder of a compilation can describe another
    /// deployment than the next, and a <c>.globalconfig</c> value applies to every file.
    /// </summary>
    public class PerFolderConfigurationTests
    {
        /// <summary>Identical code in every file apart from the namespace; <paramref name="marker"/> is its location id.</summary>
        internal static string Receive32KiB(string ns, int marker) => @"
using System.Net.Sockets;
namespace " + ns + @"
{
    class C { void M(Socket socket) => socket.ReceiveBufferSize = {|#" + marker + @":32768|}; }
}";

        internal static CSharpAnalyzerTest<SocketBufferAnalyzer, DefaultVerifier> Test(
            (string Path, string Text)[] configs,
            (string Path, string Text)[] sources,
            params DiagnosticResult[] expected)
        {
            var test = AnalyzerVerifier.Create();
            foreach (var config in configs)
            {
                test.TestState.AnalyzerConfigFiles.Add((config.Path, config.Text));
            }

            foreach (var source in sources)
            {
                test.TestState.Sources.Add((source.Path, source.Text));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        /// <summary>
        /// 32 KiB (doubled 64 KiB) at 50 ms: FolderA 2.6 → ¾ → 48 KiB, 49 152 × 160 = 7 864 320 → 7.9, ceiling 4 MiB; FolderB macOS → kept
        /// as 32 KiB, 32 768 × 160 = 5 242 880 → 5.2; FolderC 6.16 → 65 536 × 169/256 = 43 264, × 160 = 6 922 240 → 6.9, ceiling 32 MiB;
        /// the root file has no folder config → the default profile (the spec's example).
        /// </summary>
        [Fact]
        public Task EachFolderItsOwnProfile() => Test(
            new[]
            {
                ("/0/FolderA/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 2.6"),
                ("/0/FolderB/.editorconfig", "[*.cs]\nsocket_buffer.target_os = macos"),
                ("/0/FolderC/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.16"),
            },
            new[]
            {
                ("/0/FolderA/File.cs", Receive32KiB("A", 0)),
                ("/0/FolderB/File.cs", Receive32KiB("B", 1)),
                ("/0/FolderC/File.cs", Receive32KiB("C", 2)),
                ("/0/Root.cs", Receive32KiB("Root", 3)),
            },
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 7.9 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."),
            At("SOCK001", 1, "Receive buffer fixed at 32 KiB: " +
                "macOS keeps it as is (not doubled) and stops autosizing; one connection tops out at 5.2 Mbit/s at 50 ms RTT. Remove it or size it for the link."),
            At("SOCK001", 2, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a third is overhead) and stops autotuning; one connection tops out at 6.9 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link."),
            At("SOCK001", 3, DefaultProfile32KiB)).RunAsync();

        /// <summary>
        /// A <c>.globalconfig</c> RTT of 20 ms reaches every file, whatever its folder's kernel: window × 400 bit/s.
        /// 2.6: 49 152 × 400 = 19 660 800 → 19.7; macOS and 6.1: 32 768 × 400 = 13 107 200 → 13.1.
        /// </summary>
        [Fact]
        public Task GlobalConfigAppliesToEveryFolder() => Test(
            new[]
            {
                ("/.globalconfig", "is_global = true\nsocket_buffer.link_rtt = 20ms"),
                ("/0/FolderA/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 2.6"),
                ("/0/FolderB/.editorconfig", "[*.cs]\nsocket_buffer.target_os = macos"),
            },
            new[]
            {
                ("/0/FolderA/File.cs", Receive32KiB("A", 0)),
                ("/0/FolderB/File.cs", Receive32KiB("B", 1)),
                ("/0/Root.cs", Receive32KiB("Root", 2)),
            },
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 19.7 Mbit/s at 20 ms RTT (autotuned: 1.3 Gbit/s). Remove it or size it for the link."),
            At("SOCK001", 1, "Receive buffer fixed at 32 KiB: " +
                "macOS keeps it as is (not doubled) and stops autosizing; one connection tops out at 13.1 Mbit/s at 20 ms RTT. Remove it or size it for the link."),
            At("SOCK001", 2, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (half is overhead) and stops autotuning; one connection tops out at 13.1 Mbit/s at 20 ms RTT (autotuned: 1.3 Gbit/s). Remove it or size it for the link.")).RunAsync();

        /// <summary>
        /// The global kernel (2.6) applies where no folder sets one; FolderB's .editorconfig value (6.16) wins over it for its files
        /// (an .editorconfig entry takes precedence over a global config).
        /// </summary>
        [Fact]
        public Task FolderValueOverridesTheGlobalOne() => Test(
            new[]
            {
                ("/.globalconfig", "is_global = true\nsocket_buffer.linux_kernel = 2.6"),
                ("/0/FolderB/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.16"),
            },
            new[]
            {
                ("/0/FolderA/File.cs", Receive32KiB("A", 0)),
                ("/0/FolderB/File.cs", Receive32KiB("B", 1)),
            },
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 7.9 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."),
            At("SOCK001", 1, "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (a third is overhead) and stops autotuning; one connection tops out at 6.9 Mbit/s at 50 ms RTT (autotuned: 3.5 Gbit/s). Remove it or size it for the link.")).RunAsync();

        /// <summary>
        /// Identical UDP code: 1 MiB is above 6.17's rmem_max 212 992 (SOCK003) but within 6.18's 4 MiB (nothing), and above a
        /// folder's own rmem_max of 512 KiB (reports 2 × 512 KiB = 1 MiB).
        /// </summary>
        [Fact]
        public Task SameCodeDifferentRulesPerFolder()
        {
            static string Udp(string ns, int marker) => @"
using System.Net.Sockets;
namespace " + ns + @"
{
    class C { void M() { var udp = new UdpClient(0); udp.Client.ReceiveBufferSize = {|#" + marker + @":1048576|}; } }
}";

            return Test(
                new[]
                {
                    ("/0/New/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.18"),
                    ("/0/Old/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.17"),
                    ("/0/Tuned/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.18\nsocket_buffer.rmem_max = 524288"),
                },
                new[]
                {
                    ("/0/New/File.cs", Udp("New", 0)),
                    ("/0/Old/File.cs", Udp("Old", 1)),
                    ("/0/Tuned/File.cs", Udp("Tuned", 2)),
                },
                At("SOCK003", 1, "Receive buffer of 1 MiB is above net.core.rmem_max (208 KiB): " +
                    "Linux silently cuts it to 208 KiB (416 KiB once doubled). Raise the sysctl or lower the value."),
                At("SOCK003", 2, "Receive buffer of 1 MiB is above net.core.rmem_max (512 KiB): " +
                    "Linux silently cuts it to 512 KiB (1 MiB once doubled). Raise the sysctl or lower the value.")).RunAsync();
        }

        /// <summary>
        /// Nested folders: Outer sets 2.6 and rmem_max 1 MiB; Outer/Inner overrides only the kernel (6.6) and keeps rmem_max.
        /// Inner: 64 KiB → 131 072 × 65/256 = 33 280 (× 160 = 5 324 800 → 5.3), and 2 MiB on UDP → SOCK003 against 1 MiB.
        /// Outer: 64 KiB → ¾ → 96 KiB (15.7), ceiling 4 MiB.
        /// </summary>
        [Fact]
        public Task InnerFolderOverridesOneKeyAndInheritsTheRest()
        {
            static string Code(string ns, int first, int second) => @"
using System.Net.Sockets;
namespace " + ns + @"
{
    class C
    {
        void M(Socket socket)
        {
            socket.ReceiveBufferSize = {|#" + first + @":65536|};
            var udp = new UdpClient(0);
            udp.Client.ReceiveBufferSize = {|#" + second + @":2097152|};
        }
    }
}";

            return Test(
                new[]
                {
                    ("/0/Outer/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 2.6\nsocket_buffer.rmem_max = 1048576"),
                    ("/0/Outer/Inner/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.6"),
                },
                new[]
                {
                    ("/0/Outer/File.cs", Code("Outer", 0, 1)),
                    ("/0/Outer/Inner/File.cs", Code("Inner", 2, 3)),
                },
                At("SOCK001", 0, "Receive buffer fixed at 64 KiB: " +
                    "Linux doubles it to 128 KiB (a quarter is overhead) and stops autotuning; one connection tops out at 15.7 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."),
                At("SOCK003", 1, "Receive buffer of 2 MiB is above net.core.rmem_max (1 MiB): " +
                    "Linux silently cuts it to 1 MiB (2 MiB once doubled). Raise the sysctl or lower the value."),
                At("SOCK001", 2, "Receive buffer fixed at 64 KiB: " +
                    "Linux doubles it to 128 KiB (75 % is overhead) and stops autotuning; one connection tops out at 5.3 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link."),
                At("SOCK003", 3, "Receive buffer of 2 MiB is above net.core.rmem_max (1 MiB): " +
                    "Linux silently cuts it to 1 MiB (2 MiB once doubled). Raise the sysctl or lower the value.")).RunAsync();
        }

        /// <summary>
        /// SOCK004's era wording follows the file's folder: 6.1 (clamp 64 KiB) and 6.12 (6.11+ wording, clamp 131 072 × 169/256 =
        /// 86 528, window 262 144 × 169/256 = 173 056 = 169 KiB).
        /// </summary>
        [Fact]
        public Task AfterConnectWordingPerFolder()
        {
            static string Code(string ns, int setting, int value) => @"
using System.Net;
using System.Net.Sockets;
namespace " + ns + @"
{
    class C
    {
        void M(EndPoint endPoint)
        {
            var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
            s.Connect(endPoint);
            {|#" + setting + @":s.ReceiveBufferSize = {|#" + value + @":131072|}|};
        }
    }
}";

            return Test(
                new[]
                {
                    ("/0/Old/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.1"),
                    ("/0/New/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.12"),
                },
                new[]
                {
                    ("/0/Old/File.cs", Code("Old", 0, 1)),
                    ("/0/New/File.cs", Code("New", 2, 3)),
                },
                At("SOCK004", 0, "ReceiveBufferSize is set after Connect, too late: on Linux 6.1 the connection's window stays at 64 KiB instead of 128 KiB. " +
                    "Set it before Connect."),
                At("SOCK001", 1, "Receive buffer fixed at 128 KiB: " +
                    "Linux doubles it to 256 KiB (half is overhead) and stops autotuning; one connection tops out at 10.5 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."),
                At("SOCK004", 2, "ReceiveBufferSize is set after Connect, too late: on Linux 6.12 the connection's window stays at 84.5 KiB instead of 169 KiB " +
                    "once data has arrived. Set it before Connect."),
                At("SOCK001", 3, "Receive buffer fixed at 128 KiB: " +
                    "Linux doubles it to 256 KiB (a third is overhead) and stops autotuning; one connection tops out at 13.8 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.")).RunAsync();
        }
    }
}
