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

        // Issue 13: removing the last statement of a line followed by "#if" joined the directive onto the line before
        // (CS1040), and removing the first statement of a line left the next one at column 0.

        [Fact]
        public Task LastStatementOfALineBeforeADirective() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.NoDelay = true; socket.ReceiveBufferSize = {|SOCK001:8192|};
#if DEBUG
        socket.Blocking = true;
#endif
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        socket.NoDelay = true;
#if DEBUG
        socket.Blocking = true;
#endif
    }
}",
            RemoveBufferSettingCodeFix.EquivalenceKey);

        [Fact]
        public Task FirstStatementOfALineLeavesTheNextIndented() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        // Old tuning.
        socket.ReceiveBufferSize = {|SOCK001:8192|}; socket.NoDelay = true;
        socket.Blocking = true;
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        // Old tuning.
        socket.NoDelay = true;
        socket.Blocking = true;
    }
}");

        [Fact]
        public Task StatementBetweenDirectives() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
#if !SLOW
        socket.ReceiveBufferSize = {|SOCK001:8192|};
#endif
        socket.NoDelay = true;
#if !DEBUG
        socket.SendBufferSize = {|SOCK002:8192|};
#else
        socket.Blocking = true;
#endif
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
#if !SLOW
#endif
        socket.NoDelay = true;
#if !DEBUG
#else
        socket.Blocking = true;
#endif
    }
}");

        [Fact]
        public Task OneLineBlocks() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket s) { s.ReceiveBufferSize = {|SOCK001:8192|}; }
    void N(Socket s) { s.ReceiveBufferSize = {|SOCK001:8192|}; s.NoDelay = true; }
    void O(Socket s) { s.NoDelay = true; s.SendBufferSize = {|SOCK002:8192|}; }
    void P(Socket s, bool b) { if (b) { s.SendBufferSize = {|SOCK002:8192|}; } }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket s) { }
    void N(Socket s) { s.NoDelay = true; }
    void O(Socket s) { s.NoDelay = true; }
    void P(Socket s, bool b) { if (b) { } }
}");

        [Fact]
        public Task SwitchSections() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket s, int mode)
    {
        switch (mode)
        {
            case 1: s.ReceiveBufferSize = {|SOCK001:8192|}; break;
            case 2:
                s.SendBufferSize = {|SOCK002:8192|};
#if DEBUG
                s.NoDelay = true;
#endif
                break;
        }
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket s, int mode)
    {
        switch (mode)
        {
            case 1: break;
            case 2:
#if DEBUG
                s.NoDelay = true;
#endif
                break;
        }
    }
}");

        [Fact]
        public Task TopLevelStatementsOnOneLineAndBeforeADirective()
        {
            var test = Verify.Create();
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.TestState.Sources.Add(@"using System.Net.Sockets;
var client = new TcpClient();
client.ReceiveBufferSize = {|SOCK001:8192|}; client.NoDelay = true;
client.LingerState = null; client.SendBufferSize = {|SOCK002:8192|};
#if DEBUG
client.ExclusiveAddressUse = true;
#endif
");
            test.FixedState.Sources.Add(@"using System.Net.Sockets;
var client = new TcpClient();
client.NoDelay = true;
client.LingerState = null;
#if DEBUG
client.ExclusiveAddressUse = true;
#endif
");
            return test.RunAsync();
        }

        [Fact]
        public Task InitializerMembersWithDirectivesAndOnOneLine() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient
    {
        NoDelay = true,
#if !SLOW
        ReceiveBufferSize = {|SOCK001:8192|},
#endif
    };
    TcpClient N() => new TcpClient { NoDelay = true, ReceiveBufferSize = {|SOCK001:8192|}, SendBufferSize = {|SOCK002:8192|}, LingerState = null };
}",
            @"
using System.Net.Sockets;
class C
{
    TcpClient M() => new TcpClient
    {
        NoDelay = true,
#if !SLOW
#endif
    };
    TcpClient N() => new TcpClient { NoDelay = true, LingerState = null };
}");

        [Fact]
        public Task FixAllRemovesAdjacentStatements() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.NoDelay = true;
        s.ReceiveBufferSize = {|SOCK001:8192|}; s.SendBufferSize = {|SOCK002:8192|};
#if DEBUG
        s.Blocking = true;
#endif
        s.ReceiveBufferSize = {|SOCK001:4096|};
        s.SendBufferSize = {|SOCK002:4096|};
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.NoDelay = true;
#if DEBUG
        s.Blocking = true;
#endif
    }
}");

        [Fact]
        public Task ACommentBeforeTheStatementOnItsLineKeepsItsLine() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        /* tuned */ socket.ReceiveBufferSize = {|SOCK001:8192|};
        socket.NoDelay = true;
    }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket)
    {
        /* tuned */
        socket.NoDelay = true;
    }
}");

        [Fact]
        public void EveryFixHasAFixAllForEveryScopeAndFixesDescriptorIds()
        {
            // dotnet format skips a fix whose Fix All does not support the solution scope.
            var providers = typeof(RemoveBufferSettingCodeFix).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
                .Select(t => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!)
                .ToList();
            var ids = typeof(SocketBufferAnalyzers.Rules.Descriptors).GetFields()
                .Where(f => f.FieldType == typeof(Microsoft.CodeAnalysis.DiagnosticDescriptor))
                .Select(f => ((Microsoft.CodeAnalysis.DiagnosticDescriptor)f.GetValue(null)!).Id)
                .ToHashSet();

            Assert.Equal(5, providers.Count);
            foreach (var provider in providers)
            {
                var scopes = provider.GetFixAllProvider()!.GetSupportedFixAllScopes().ToList();
                Assert.Contains(Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Document, scopes);
                Assert.Contains(Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Project, scopes);
                Assert.Contains(Microsoft.CodeAnalysis.CodeFixes.FixAllScope.Solution, scopes);
                Assert.NotEmpty(provider.FixableDiagnosticIds);
                Assert.All(provider.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            }
        }
    }
}
