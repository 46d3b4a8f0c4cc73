using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SocketBufferAnalyzers.Configuration;
using static SocketBufferAnalyzers.Tests.Configuration.ConfigurationVerifier;
using static SocketBufferAnalyzers.Tests.Configuration.PerFolderConfigurationTests;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// The deployment from MSBuild properties (<c>&lt;SocketBufferLinuxKernel&gt;6.12&lt;/SocketBufferLinuxKernel&gt;</c> in
    /// Directory.Build.props). The package's build props list them as <c>CompilerVisibleProperty</c>, so the SDK writes them into
    /// the project's generated global config as <c>build_property.SocketBufferLinuxKernel = 6.12</c>, one line per property, with
    /// an empty value for a property that is not set. These tests give the analyzer that file as the SDK writes it.
    /// <c>socket_buffer.*</c> keys keep precedence; a bad property value gives SOCK900 naming the property.
    /// Expected numbers are worked by hand from window-model.md; the arithmetic is next to each one.
    /// </summary>
    public class MSBuildPropertyTests
    {
        private const string GeneratedConfigPath = "/0/obj/Test.GeneratedMSBuildEditorConfig.editorconfig";

        /// <summary>
        /// Linux 6.12 (era 6.11–6.15): 32 KiB doubles to 64 KiB; the window is the learned ratio of the buffer,
        /// 65 536 × 169/256 = 43 264 bytes; tcp_rmem[2] is still 6 MiB before 6.16; 43 264 × 8 / 0.05 s = 6 922 240 bit/s → 6.9 Mbit/s.
        /// </summary>
        private const string Kernel612 =
            "Receive buffer fixed at 32 KiB: Linux allocates 64 KiB, advertises at most a 43264-byte window and stops autotuning " +
            "that could grow the buffer to 6 MiB; at 50 ms RTT one connection tops out at 6.9 Mbit/s.";

        /// <summary>The generated global config of a project: every listed property, empty when unset (as the SDK writes it).</summary>
        internal static string GeneratedConfig(params (string Property, string Value)[] set)
        {
            var lines = new List<string> { "is_global = true", "build_property.TargetFramework = net10.0" };
            foreach (var property in OptionKeys.Properties)
            {
                var value = set.Where(s => s.Property == property).Select(s => s.Value).FirstOrDefault() ?? string.Empty;
                lines.Add("build_property." + property + " = " + value);
            }

            return string.Join("\n", lines) + "\n";
        }

        private static Task Verify((string Path, string Text)[] configs, (string Path, string Text)[] sources, params DiagnosticResult[] expected) =>
            Test(configs, sources, expected).RunAsync();

        [Fact]
        public Task UnsetPropertiesLeaveTheDefaultProfile() => Verify(
            new[] { (GeneratedConfigPath, GeneratedConfig()) },
            new[] { ("/0/File.cs", Receive32KiB("A", 0)) },
            At("SOCK001", 0, DefaultProfile32KiB));

        [Fact]
        public Task KernelPropertyChangesTheMessage() => Verify(
            new[] { (GeneratedConfigPath, GeneratedConfig(("SocketBufferLinuxKernel", "6.12"))) },
            new[] { ("/0/File.cs", Receive32KiB("A", 0)) },
            At("SOCK001", 0, Kernel612));

        /// <summary>Every property reaches the profile: 2.6 (¾ of 64 KiB = 48 KiB, ceiling 4 MiB) at 20 ms: 49 152 × 400 = 19 660 800 → 19.7.</summary>
        [Fact]
        public Task KernelAndRttPropertiesTogether() => Verify(
            new[] { (GeneratedConfigPath, GeneratedConfig(("SocketBufferLinuxKernel", "2.6"), ("SocketBufferLinkRtt", "20ms"))) },
            new[] { ("/0/File.cs", Receive32KiB("A", 0)) },
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: Linux allocates 64 KiB, advertises at most a 48 KiB window and stops autotuning " +
                "that could grow the buffer to 4 MiB; at 20 ms RTT one connection tops out at 19.7 Mbit/s."));

        /// <summary>Target OS from a property: macOS keeps 32 KiB undoubled; 32 768 × 8 / 0.05 s = 5.2 Mbit/s.</summary>
        [Fact]
        public Task TargetOsProperty() => Verify(
            new[] { (GeneratedConfigPath, GeneratedConfig(("SocketBufferTargetOs", "macos"))) },
            new[] { ("/0/File.cs", Receive32KiB("A", 0)) },
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: macOS keeps 32 KiB (not doubled) and turns off receive-buffer autosizing for this socket; " +
                "at 50 ms RTT one connection tops out at 5.2 Mbit/s."));

        /// <summary>
        /// rmem_max from a property: a 1 MiB UDP receive buffer is above the default 212 992 (SOCK003: 208 KiB, reports 416 KiB)
        /// and within 4 MiB (nothing to report; UDP has no autotuning to lose).
        /// </summary>
        [Theory]
        [InlineData("", true)]
        [InlineData("4194304", false)]
        public Task RmemMaxProperty(string rmemMax, bool clamped) => Verify(
            new[] { (GeneratedConfigPath, GeneratedConfig(("SocketBufferRmemMax", rmemMax))) },
            new[]
            {
                ("/0/File.cs", @"
using System.Net.Sockets;
class C
{
    void M()
    {
        var udp = new UdpClient(0);
        udp.Client.ReceiveBufferSize = {|#0:1048576|};
    }
}"),
            },
            clamped
                ? new[]
                {
                    At("SOCK003", 0, "Receive buffer of 1 MiB is above net.core.rmem_max (208 KiB): Linux silently clamps it and reports 416 KiB; " +
                        "raise the sysctl or check the value after setting it."),
                }
                : Array.Empty<DiagnosticResult>());

        /// <summary>A <c>socket_buffer.*</c> key wins over the property, in .editorconfig and in a user's .globalconfig alike.</summary>
        [Theory]
        [InlineData("/.editorconfig", "root = true\n\n[*.cs]\nsocket_buffer.linux_kernel = 6.1\n")]
        [InlineData("/.globalconfig", "is_global = true\nsocket_buffer.linux_kernel = 6.1\n")]
        public Task KeyWinsOverProperty(string path, string text) => Verify(
            new[] { (GeneratedConfigPath, GeneratedConfig(("SocketBufferLinuxKernel", "6.12"))), (path, text) },
            new[] { ("/0/File.cs", Receive32KiB("A", 0)) },
            At("SOCK001", 0, DefaultProfile32KiB));

        /// <summary>The property describes the project; a folder's .editorconfig overrides it for that folder only.</summary>
        [Fact]
        public Task PropertyAppliesWhereNoFolderKeyOverridesIt() => Verify(
            new[]
            {
                (GeneratedConfigPath, GeneratedConfig(("SocketBufferLinuxKernel", "6.12"))),
                ("/0/Legacy/.editorconfig", "[*.cs]\nsocket_buffer.linux_kernel = 6.1\n"),
            },
            new[]
            {
                ("/0/Legacy/File.cs", Receive32KiB("Legacy", 0)),
                ("/0/Current/File.cs", Receive32KiB("Current", 1)),
            },
            At("SOCK001", 0, DefaultProfile32KiB),
            At("SOCK001", 1, Kernel612));

        /// <summary>A bad property value: SOCK900 names the MSBuild property; the default is used.</summary>
        [Theory]
        [InlineData("SocketBufferTargetOs", "freebsd", "linux, windows or macos; using linux instead.")]
        [InlineData("SocketBufferLinuxKernel", "six", "a kernel version of 2.6 or later, such as 6.1; using 6.1 instead.")]
        [InlineData("SocketBufferRmemMax", "16M", "a positive number of bytes up to 2147483647; using 212992 instead.")]
        [InlineData("SocketBufferWmemMax", "0", "a positive number of bytes up to 2147483647; using 212992 instead.")]
        [InlineData("SocketBufferMaxSockBuf", "-1", "a positive number of bytes up to 2147483647; using 8388608 instead.")]
        [InlineData("SocketBufferTcpRmem", "4096 131072", "three positive numbers in ascending order, as sysctl prints them; using 4096 131072 6291456 instead.")]
        [InlineData("SocketBufferTcpWmem", "auto", "three positive numbers in ascending order, as sysctl prints them; using 4096 16384 4194304 instead.")]
        [InlineData("SocketBufferLinkRtt", "50", "a positive duration with a unit (us, ms, s), such as 50ms; using 50 ms instead.")]
        [InlineData("SocketBufferLinkBandwidth", "fast", "a positive rate with a unit (kbit, Mbit, Gbit) or plain bits/s, such as 1Gbit; using 1 Gbit/s instead.")]
        public Task BadPropertyIsReportedByItsName(string property, string value, string expectedAndFallback) => Verify(
            new[] { (GeneratedConfigPath, GeneratedConfig((property, value))) },
            new[] { ("/0/File.cs", Receive32KiB("A", 0)) },
            Sock900("MSBuild property '" + property + " = " + value + "' cannot be used: expected " + expectedAndFallback),
            At("SOCK001", 0, DefaultProfile32KiB));

        /// <summary>A bad key falls back to the valid property below it, and says so: 20 ms, 32 768 × 400 = 13.1 Mbit/s.</summary>
        [Fact]
        public Task BadKeyFallsBackToTheProperty() => Verify(
            new[]
            {
                (GeneratedConfigPath, GeneratedConfig(("SocketBufferLinkRtt", "20ms"))),
                ("/.editorconfig", "root = true\n\n[*.cs]\nsocket_buffer.link_rtt = fast\n"),
            },
            new[] { ("/0/File.cs", Receive32KiB("A", 0)) },
            Sock900("'socket_buffer.link_rtt = fast' cannot be used: expected a positive duration with a unit (us, ms, s), such as 50ms; using 20 ms instead."),
            At("SOCK001", 0, "Receive buffer fixed at 32 KiB: Linux allocates 64 KiB, advertises at most a 32 KiB window and stops autotuning " +
                "that could grow the buffer to 6 MiB; at 20 ms RTT one connection tops out at 13.1 Mbit/s."));

        /// <summary>A bad property under a valid key is still reported (it is wrong wherever no key covers it); the key applies.</summary>
        [Fact]
        public Task BadPropertyUnderAValidKeyIsStillReported() => Verify(
            new[]
            {
                (GeneratedConfigPath, GeneratedConfig(("SocketBufferLinuxKernel", "latest"))),
                ("/.editorconfig", "root = true\n\n[*.cs]\nsocket_buffer.linux_kernel = 6.12\n"),
            },
            new[] { ("/0/File.cs", Receive32KiB("A", 0)) },
            Sock900("MSBuild property 'SocketBufferLinuxKernel = latest' cannot be used: expected a kernel version of 2.6 or later, such as 6.1; using 6.1 instead."),
            At("SOCK001", 0, Kernel612));

        /// <summary>The kernel from a property sets the defaults of the other settings: 6.18 → rmem_max 4 MiB, named when a key is bad.</summary>
        [Fact]
        public void KernelPropertySetsTheDefaultsOfOtherKeys()
        {
            var errors = new List<ConfigurationError>();
            var settings = SettingsReader.Read(
                new Options(("build_property.SocketBufferLinuxKernel", "6.18"), ("socket_buffer.rmem_max", "lots")),
                errors);

            Assert.Equal(6, settings.Profile.Version.Major);
            Assert.Equal(18, settings.Profile.Version.Minor);
            Assert.Equal(4194304, settings.Profile.RmemMax);
            var error = Assert.Single(errors);
            Assert.Equal("'socket_buffer.rmem_max = lots' cannot be used: expected a positive number of bytes up to 2147483647; using 4194304 instead.", error.Message);
        }

        /// <summary>Whitespace-only and empty property values are "not set"; keys are looked up case-insensitively by the compiler.</summary>
        [Fact]
        public void EmptyPropertyIsNotSet()
        {
            var errors = new List<ConfigurationError>();
            var settings = SettingsReader.Read(
                new Options(("build_property.SocketBufferLinuxKernel", "  "), ("build_property.SocketBufferLinkRtt", "")),
                errors);

            Assert.Empty(errors);
            Assert.Same(AnalyzerSettings.Default, settings);
        }

        /// <summary>
        /// What the reader relies on, checked on the compiler's own configuration set (the same code the SDK's csc and the IDE run):
        /// the global section of a global config — where the SDK writes build_property.* — is part of every file's options, under the
        /// file's .editorconfig sections, even below a <c>root = true</c> .editorconfig; and it is the whole of the global options.
        /// </summary>
        [Fact]
        public void BuildPropertiesReachEveryTreesOptions()
        {
            var generated = AnalyzerConfig.Parse(GeneratedConfig(("SocketBufferLinuxKernel", "6.12"), ("SocketBufferLinkRtt", "20ms")), "/repo/obj/Consumer.GeneratedMSBuildEditorConfig.editorconfig");
            var editorconfig = AnalyzerConfig.Parse("root = true\n\n[*.cs]\nsocket_buffer.link_rtt = 2ms\n", "/repo/src/.editorconfig");
            var set = AnalyzerConfigSet.Create(new[] { generated, editorconfig });

            var inside = set.GetOptionsForSourcePath("/repo/src/File.cs").AnalyzerOptions;
            var outside = set.GetOptionsForSourcePath("/repo/other/File.cs").AnalyzerOptions;

            Assert.Equal("6.12", inside["build_property.SocketBufferLinuxKernel"]);
            Assert.Equal("2ms", inside["socket_buffer.link_rtt"]);
            Assert.Equal("6.12", outside["build_property.SocketBufferLinuxKernel"]);
            Assert.False(outside.ContainsKey("socket_buffer.link_rtt"));
            Assert.Equal("6.12", set.GlobalConfigOptions.AnalyzerOptions["build_property.SocketBufferLinuxKernel"]);
            Assert.Equal(string.Empty, set.GlobalConfigOptions.AnalyzerOptions["build_property.SocketBufferRmemMax"]);
            // Keys are compared without case, as MSBuild property names are.
            Assert.True(inside.TryGetValue("build_property.socketbufferlinuxkernel", out var lower) && lower == "6.12");

            var fromTree = SettingsReader.Read(new Options(inside), new List<ConfigurationError>());
            Assert.Equal(2000, fromTree.Link.RttMicroseconds);
            Assert.Equal(12, fromTree.Profile.Version.Minor);
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public Options(params (string Key, string Value)[] values)
                : this(values.ToImmutableDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase))
            {
            }

            public Options(ImmutableDictionary<string, string> values)
            {
                this.values = values;
            }

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
