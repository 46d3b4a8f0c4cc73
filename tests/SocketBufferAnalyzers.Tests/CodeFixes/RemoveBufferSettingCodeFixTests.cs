using SocketBufferAnalyzers.CodeFixes;
using SocketBufferAnalyzers.Tests.Verifiers;
using Verify = SocketBufferAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketBufferAnalyzers.CodeFixes.RemoveBufferSettingCodeFix>;

namespace SocketBufferAnalyzers.Tests.CodeFixes
{
    /// <summary>"Remove the fixed buffer size": statements, initializer members, comments kept, Fix All.</summary>
    public class RemoveBufferSettingCodeFixTests
    {
        [Fact]
        public Task RemovesTheStatementAndKeepsTheCommentAbove() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.NoDelay = true;
        // Tuned in 2009 for the old data centre.
        socket.ReceiveBufferSize = {|SOCK001:8192|}; // bigger is faster
        socket.Blocking = true;
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.NoDelay = true;
        // Tuned in 2009 for the old data centre.
        socket.Blocking = true;
    }
}",
            RemoveBufferSettingCodeFix.EquivalenceKey);

        [Fact]
        public Task RemovesSetSocketOption() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, {|SOCK002:8192|});
        socket.NoDelay = true;
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.NoDelay = true;
    }
}");

        [Fact]
        public Task RemovesAnInitializerMember() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient
    {
        ReceiveBufferSize = {|SOCK001:8192|}, // for speed
        NoDelay = true,
    };
}",
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient
    {
        NoDelay = true,
    };
}");

        [Fact]
        public Task RemovesTheLastInitializerMember() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient { NoDelay = true, SendBufferSize = {|SOCK002:8192|} };
}",
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient { NoDelay = true };
}");

        [Fact]
        public Task AnInitializerWithNothingLeftBecomesAConstructorCall() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient { ReceiveBufferSize = {|SOCK001:8192|}, SendBufferSize = {|SOCK002:8192|} };
    TcpClient N() => new() { ReceiveBufferSize = {|SOCK001:4096|} };
}",
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient();
    TcpClient N() => new();
}");

        [Fact]
        public Task TopLevelStatement()
        {
            var test = Verify.Create();
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.TestState.Sources.Add(@"using System.Net.Sockets;
var client = new TcpClient();
client.ReceiveBufferSize = {|SOCK001:8192|};
client.NoDelay = true;
");
            test.FixedState.Sources.Add(@"using System.Net.Sockets;
var client = new TcpClient();
client.NoDelay = true;
");
            return test.RunAsync();
        }

        [Fact]
        public Task FixAllAcrossDocuments() => Verify.VerifyAsync(
            new[]
            {
                @"
using System.Net.Sockets;
class A
{
    void M(Socket s)
    {
        s.ReceiveBufferSize = {|SOCK001:8192|};
        s.SendBufferSize = {|SOCK002:8192|};
        s.NoDelay = true;
    }
}",
                @"
using System.Net.Sockets;
class B
{
    void M(TcpClient c)
    {
        c.ReceiveBufferSize = {|SOCK001:65536|};
        c.NoDelay = true;
    }
}",
            },
            new[]
            {
                @"
using System.Net.Sockets;
class A
{
    void M(Socket s)
    {
        s.NoDelay = true;
    }
}",
                @"
using System.Net.Sockets;
class B
{
    void M(TcpClient c)
    {
        c.NoDelay = true;
    }
}",
            });

        [Fact]
        public Task NotOfferedForAnEmbeddedStatement()
        {
            var source = @"
using System.Net.Sockets;
class C
{
    void M(Socket s, bool fast)
    {
        if (fast) s.ReceiveBufferSize = {|SOCK001:8192|};
    }
}";
            return Verify.VerifyAsync(source, source);
        }
    }
}
