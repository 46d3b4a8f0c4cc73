using SocketBufferAnalyzers.CodeFixes;
using Verify = SocketBufferAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketBufferAnalyzers.CodeFixes.SizeForLinkCodeFix>;

namespace SocketBufferAnalyzers.Tests.CodeFixes
{
    /// <summary>"Size it for the link": values from the model's vectors, and the not-offered case.</summary>
    public class SizeForLinkCodeFixTests
    {
        [Fact]
        public Task Vector18TenGigabitAtOneHundredMilliseconds() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = {|SOCK001:8192|};
    }
}",
            // window-model.md vector 18: BDP 125 000 000 > the 6.16 autotuning ceiling; recommendV 125 000 000 (ratio ½).
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.ReceiveBufferSize = 125_000_000; // 10 Gbit/s × 100 ms
    }
}",
            SizeForLinkCodeFix.EquivalenceKey,
            "socket_buffer.linux_kernel = 6.16\nsocket_buffer.rmem_max = 268435456\nsocket_buffer.link_bandwidth = 10Gbit\nsocket_buffer.link_rtt = 100ms");

        [Fact]
        public Task Vector17RatioThreeQuartersOnTwoSix() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient { ReceiveBufferSize = {|SOCK001:8192|} };
}",
            // 2.6: ceil((BDP) / (2 × ¾)); 100 Mbit/s × 200 ms = 2 500 000 B > the 3 MiB ceiling? No: 2.5 MB < 3 MiB, so use 400 ms: BDP 5 000 000.
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient { ReceiveBufferSize = 3_333_334 /* 100 Mbit/s × 400 ms */ };
}",
            editorConfig: "socket_buffer.linux_kernel = 2.6\nsocket_buffer.rmem_max = 16777216\nsocket_buffer.link_bandwidth = 100Mbit\nsocket_buffer.link_rtt = 400ms");

        [Fact]
        public Task NotOfferedWhenAutotuningCoversTheLink()
        {
            // Vector 15: 1 Gbit/s × 1 ms, BDP 125 000 ≤ the 3 MiB autotuning window: removing the setting is better.
            var source = @"
using System.Net.Sockets;
class C { void M(Socket s) { s.ReceiveBufferSize = {|SOCK001:8192|}; } }";
            return Verify.VerifyAsync(source, source, editorConfig: "socket_buffer.link_bandwidth = 1Gbit\nsocket_buffer.link_rtt = 1ms");
        }

        [Fact]
        public Task NotOfferedWhenTheCappedSizeIsWorseThanAutotuning()
        {
            // Default link 1 Gbit/s × 50 ms needs 6.25 MB, but stock rmem_max caps a fixed size at 208 KiB < the 3 MiB autotuned window.
            var source = @"
using System.Net.Sockets;
class C { void M(Socket s) { s.ReceiveBufferSize = {|SOCK001:8192|}; } }";
            return Verify.VerifyAsync(source, source);
        }

        [Fact]
        public Task NotOfferedForSock001OnMacOS()
        {
            // macOS keeps every size as asked and turns autosizing off: a resized value would be flagged again.
            var source = @"
using System.Net.Sockets;
class C { void M(Socket s) { s.ReceiveBufferSize = {|SOCK001:8192|}; } }";
            return Verify.VerifyAsync(source, source, editorConfig: "socket_buffer.target_os = macos\nsocket_buffer.link_bandwidth = 10Gbit\nsocket_buffer.link_rtt = 100ms");
        }

        [Fact]
        public Task UdpAboveTheLimitIsSizedUnderIt() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M()
    {
        var udp = new Socket(SocketType.Dgram, ProtocolType.Udp);
        udp.ReceiveBufferSize = {|SOCK003:8 * 1024 * 1024|};
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void M()
    {
        var udp = new Socket(SocketType.Dgram, ProtocolType.Udp);
        udp.ReceiveBufferSize = 208 * 1024; // 1 Gbit/s × 50 ms
    }
}");

        private const string TenGigabit = "socket_buffer.linux_kernel = 6.16\nsocket_buffer.rmem_max = 268435456\nsocket_buffer.link_bandwidth = 10Gbit\nsocket_buffer.link_rtt = 100ms";

        // Issue 13: the "// link" comment after the ';' commented out whatever followed on the same line once the text
        // was parsed again (the closing brace of a one-line body, a Connect call). The comment is now "/* link */" after
        // the value wherever code follows, and "// link" only where the statement ends its line.

        [Fact]
        public Task OneLineBodyKeepsItsClosingBrace() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void N(UdpClient u) { u.Client.ReceiveBufferSize = {|SOCK003:1 << 24|}; }
}",
            @"
using System.Net.Sockets;
class C
{
    void N(UdpClient u) { u.Client.ReceiveBufferSize = 208 * 1024 /* 1 Gbit/s × 50 ms */; }
}",
            SizeForLinkCodeFix.EquivalenceKey);

        [Fact]
        public Task CodeAfterTheStatementOnItsLineStaysCode() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void N(UdpClient u)
    {
        u.Client.ReceiveBufferSize = {|SOCK003:1 << 24|}; u.Connect(""h"", 1);
        u.Client.SendBufferSize = {|SOCK003:1 << 24|};
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void N(UdpClient u)
    {
        u.Client.ReceiveBufferSize = 208 * 1024 /* 1 Gbit/s × 50 ms */; u.Connect(""h"", 1);
        u.Client.SendBufferSize = 208 * 1024; // 1 Gbit/s × 50 ms
    }
}");

        [Fact]
        public Task ACommentAlreadyAfterTheStatementStays() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void N(Socket s)
    {
        s.ReceiveBufferSize = {|SOCK001:8192|}; // tuned in 2009
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void N(Socket s)
    {
        s.ReceiveBufferSize = 125_000_000 /* 10 Gbit/s × 100 ms */; // tuned in 2009
    }
}",
            editorConfig: TenGigabit);

        [Fact]
        public Task ObjectInitializerOnOneLineWithMoreMembers() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient { ReceiveBufferSize = {|SOCK001:8192|}, NoDelay = true };
    TcpClient N()
    {
        return new TcpClient
        {
            SendBufferSize = {|SOCK002:8192|}, NoDelay = true,
        };
    }
}",
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient { ReceiveBufferSize = 125_000_000 /* 10 Gbit/s × 100 ms */, NoDelay = true };
    TcpClient N()
    {
        return new TcpClient
        {
            SendBufferSize = 125_000_000 /* 10 Gbit/s × 100 ms */, NoDelay = true,
        };
    }
}",
            editorConfig: TenGigabit + "\nsocket_buffer.wmem_max = 268435456");

        [Fact]
        public Task ExpressionBodiedMembersAndLambdas() => Verify.VerifyAsync(
            @"
using System;
using System.Net.Sockets;
class C
{
    void M(Socket s) => s.ReceiveBufferSize = {|SOCK001:8192|};
    int P { set => S.ReceiveBufferSize = {|SOCK001:8192|}; }
    Socket S = new Socket(SocketType.Stream, ProtocolType.Tcp);
    Action<Socket> Configure = s => s.ReceiveBufferSize = {|SOCK001:8192|};
}",
            @"
using System;
using System.Net.Sockets;
class C
{
    void M(Socket s) => s.ReceiveBufferSize = 125_000_000 /* 10 Gbit/s × 100 ms */;
    int P { set => S.ReceiveBufferSize = 125_000_000 /* 10 Gbit/s × 100 ms */; }
    Socket S = new Socket(SocketType.Stream, ProtocolType.Tcp);
    Action<Socket> Configure = s => s.ReceiveBufferSize = 125_000_000 /* 10 Gbit/s × 100 ms */;
}",
            editorConfig: TenGigabit);

        [Fact]
        public Task StatementsInsideALambdaBlockOnOneLine() => Verify.VerifyAsync(
            @"
using System;
using System.Net.Sockets;
class C
{
    Action<Socket> Configure = s => { s.ReceiveBufferSize = {|SOCK001:8192|}; s.NoDelay = true; };
}",
            @"
using System;
using System.Net.Sockets;
class C
{
    Action<Socket> Configure = s => { s.ReceiveBufferSize = 125_000_000 /* 10 Gbit/s × 100 ms */; s.NoDelay = true; };
}",
            editorConfig: TenGigabit);

        [Fact]
        public Task TopLevelStatements()
        {
            var test = Verify.Create(SizeForLinkCodeFix.EquivalenceKey);
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.TestState.Sources.Add(@"using System.Net.Sockets;
var u = new UdpClient();
u.Client.ReceiveBufferSize = {|SOCK003:1 << 24|}; u.Connect(""h"", 1);
u.Client.SendBufferSize = {|SOCK003:1 << 24|};
u.Client.ReceiveBufferSize = {|SOCK003:1 << 25|};");
            test.FixedState.Sources.Add(@"using System.Net.Sockets;
var u = new UdpClient();
u.Client.ReceiveBufferSize = 208 * 1024 /* 1 Gbit/s × 50 ms */; u.Connect(""h"", 1);
u.Client.SendBufferSize = 208 * 1024; // 1 Gbit/s × 50 ms
u.Client.ReceiveBufferSize = 208 * 1024; // 1 Gbit/s × 50 ms");
            return test.RunAsync();
        }

        [Fact]
        public Task BeforeADirectiveOnTheNextLine() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void N(UdpClient u)
    {
        u.Client.ReceiveBufferSize = {|SOCK003:1 << 24|};
#if DEBUG
        u.Connect(""h"", 1);
#endif
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void N(UdpClient u)
    {
        u.Client.ReceiveBufferSize = 208 * 1024; // 1 Gbit/s × 50 ms
#if DEBUG
        u.Connect(""h"", 1);
#endif
    }
}");
    }
}
