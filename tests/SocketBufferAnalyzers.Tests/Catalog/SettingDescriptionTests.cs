using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Catalog
{
    /// <summary>What the analyzer hands to the fixes, and the two defects the one-description redesign fixed.</summary>
    public class SettingDescriptionTests
    {
        /// <summary>SO_RCVBUFFORCE is not clamped: 8 MiB forced is above the 6 MiB autotuning ceiling, so nothing is forgone (was SOCK001 "allocates 416 KiB").</summary>
        [Fact]
        public async Task ForcedSizeAboveTheCeilingGivesUpNothing()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System;
using System.Net.Sockets;
class C
{
    void M()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.SetRawSocketOption(1, 33, BitConverter.GetBytes(8 * 1024 * 1024));
    }
}");
            Assert.Equal(new[] { "SOCK003" }, diagnostics.Select(d => d.Id));
            Assert.Contains("SO_RCVBUFFORCE skips that clamp only with CAP_NET_ADMIN", diagnostics[0].GetMessage());
        }

        /// <summary>A forced size below the ceiling is locked at its unclamped value: 1 MiB forced allocates 2 MiB (a clamped model said 416 KiB).</summary>
        [Fact]
        public async Task ForcedSizeBelowTheCeilingIsJudgedUnclamped()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System;
using System.Net.Sockets;
class C
{
    void M(Socket s) => s.SetRawSocketOption(1, 33, BitConverter.GetBytes(1024 * 1024));
}");
            var sock001 = DiagnosticProbe.Single(diagnostics, "SOCK001");
            Assert.StartsWith("Receive buffer fixed at 1 MiB: Linux allocates 2 MiB, advertises at most a 1 MiB window", sock001.GetMessage());
            Assert.DoesNotContain("416 KiB", sock001.GetMessage());
        }

        /// <summary>For (int)options.Size with an int?, the advice and the fix's condition are the same text: options.Size.HasValue.</summary>
        [Fact]
        public async Task CastOfANullableIsAdvisedAndFixedWithHasValue()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net.Sockets;
class Options { public int? Size { get; set; } }
class C
{
    void M(Socket s, Options options) => s.ReceiveBufferSize = (int)options.Size;
}");
            var sock006 = DiagnosticProbe.Single(diagnostics, "SOCK006");
            Assert.EndsWith("apply it only when it is set (if (options.Size.HasValue)).", sock006.GetMessage());
            Assert.Equal("options.Size.HasValue", FixFacts.Guard(sock006));
            Assert.Equal("options.Size", DiagnosticProbe.TextAt(Assert.Single(sock006.AdditionalLocations)));
        }

        [Theory]
        [InlineData("o.Size ?? 64 * 1024", "o.Size.HasValue")]
        [InlineData("o.Size.GetValueOrDefault()", "o.Size.HasValue")]
        [InlineData("o.Plain > 0 ? o.Plain : 0", "(o.Plain > 0 ? o.Plain : 0) > 0")]
        [InlineData("o.Plain + o.Extra", "(o.Plain + o.Extra) > 0")]
        [InlineData("o.Plain", "o.Plain > 0")]
        public async Task TheAdvisedConditionCompilesAndIsTheFixs(string value, string condition)
        {
            var source = @"
using System.Net.Sockets;
class Options { public int? Size; public int Plain; public int Extra; }
class C
{
    void M(Socket s, Options o) => s.ReceiveBufferSize = VALUE;
}".Replace("VALUE", value);
            var sock006 = DiagnosticProbe.Single(await DiagnosticProbe.RunAsync(source), "SOCK006");
            Assert.Equal(condition, FixFacts.Guard(sock006));

            // The condition compiles where the setting stands.
            var guarded = source.Replace("=> s.ReceiveBufferSize = " + value + ";", "{ if (" + condition + ") s.ReceiveBufferSize = " + value + "; }");
            Assert.DoesNotContain(await DiagnosticProbe.RunAsync(guarded), d => d.Id == "SOCK006");
        }

        /// <summary>A floor (Math.Max with a positive constant) is never 0: no guard is honest, so none is advised.</summary>
        [Fact]
        public async Task NoGuardIsAdvisedForAPositiveFloor()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System;
using System.Net.Sockets;
class C
{
    void M(Socket s, int size) => s.ReceiveBufferSize = Math.Max(8192, size);
}");
            var sock006 = DiagnosticProbe.Single(diagnostics, "SOCK006");
            Assert.Null(FixFacts.Guard(sock006));
            Assert.DoesNotContain("if (", sock006.GetMessage());
        }

        /// <summary>SOCK004 hands the fix the connect call it follows, and what made the connection.</summary>
        [Fact]
        public async Task AfterConnectCarriesTheConnectCall()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net.Sockets;
class C
{
    void M()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.ConnectAsync(""example.org"", 80).Wait();
        s.ReceiveBufferSize = 1 << 17;
    }
}");
            var sock004 = DiagnosticProbe.Single(diagnostics, "SOCK004");
            Assert.Equal(ConnectionTrigger.Connect, FixFacts.Trigger(sock004));
            Assert.Equal(@"s.ConnectAsync(""example.org"", 80)", DiagnosticProbe.TextAt(FixFacts.ConnectCall(sock004)!));
            Assert.Contains("is set after ConnectAsync", sock004.GetMessage());
        }

        [Fact]
        public async Task AcceptedSocketsCarryNoConnectCall()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net.Sockets;
class C
{
    void M(TcpListener listener)
    {
        var s = listener.AcceptSocket();
        s.ReceiveBufferSize = 1 << 17;
    }
}");
            var sock004 = DiagnosticProbe.Single(diagnostics, "SOCK004");
            Assert.Equal(ConnectionTrigger.Accept, FixFacts.Trigger(sock004));
            Assert.Null(FixFacts.ConnectCall(sock004));
            Assert.Empty(sock004.AdditionalLocations);
        }

        [Fact]
        public async Task RecommendationIsTyped()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net.Sockets;
class C
{
    void M() { var u = new UdpClient(0); u.Client.ReceiveBufferSize = 16 * 1024 * 1024; }
}");
            var sock003 = DiagnosticProbe.Single(diagnostics, "SOCK003");
            Assert.True(FixFacts.TryGetRecommendation(sock003, out var value, out var link));
            Assert.Equal(212992, value);
            Assert.Equal("1 Gbit/s × 50 ms", link);
        }
    }
}
