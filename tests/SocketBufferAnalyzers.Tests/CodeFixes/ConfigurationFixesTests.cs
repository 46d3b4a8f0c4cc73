using SocketBufferAnalyzers.CodeFixes;
using GuardVerify = SocketBufferAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketBufferAnalyzers.CodeFixes.ApplyOnlyWhenConfiguredCodeFix>;
using ShipVerify = SocketBufferAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketBufferAnalyzers.CodeFixes.ShipNoFixedDefaultCodeFix>;

namespace SocketBufferAnalyzers.Tests.CodeFixes
{
    /// <summary>"Apply it only when configured" (SOCK006) and "Ship no fixed default" (SOCK007).</summary>
    public class ConfigurationFixesTests
    {
        [Fact]
        public Task WrapsInAPositiveGuard() => GuardVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class Options { public int ReceiveBufferSize { get; set; } }
class C
{
    void M(Socket socket, Options options)
    {
        socket.ReceiveBufferSize = {|SOCK006:options.ReceiveBufferSize|};
    }
}",
            @"
using System.Net.Sockets;
class Options { public int ReceiveBufferSize { get; set; } }
class C
{
    void M(Socket socket, Options options)
    {
        if (options.ReceiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = options.ReceiveBufferSize;
        }
    }
}",
            ApplyOnlyWhenConfiguredCodeFix.EquivalenceKey);

        [Fact]
        public Task NullableUsesHasValue() => GuardVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    int? size;

    void M(Socket socket)
    {
        socket.SendBufferSize = {|SOCK006:size.Value|};
    }
}",
            @"
using System.Net.Sockets;
class C
{
    int? size;

    void M(Socket socket)
    {
        if (size.HasValue)
        {
            socket.SendBufferSize = size.Value;
        }
    }
}");

        [Fact]
        public Task NotOfferedForACallThatWouldRunTwice()
        {
            var source = @"
using System.Net.Sockets;
class C
{
    int Size() => 1;
    void M(Socket socket)
    {
        socket.SendBufferSize = {|SOCK006:Size()|};
    }
}";
            return GuardVerify.VerifyAsync(source, source);
        }

        [Fact]
        public Task ShipsZeroWhenEverySetterIsGuarded() => ShipVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class Options
{
    public int ReceiveBuffer { get; set; } = {|SOCK007:32 * 1024|};
    private int sendBuffer = {|SOCK007:64 * 1024|};
    public void Apply(Socket s)
    {
        if (ReceiveBuffer > 0) s.ReceiveBufferSize = ReceiveBuffer;
        if (sendBuffer != 0) s.SendBufferSize = sendBuffer;
    }
}",
            @"
using System.Net.Sockets;
class Options
{
    public int ReceiveBuffer { get; set; } = 0;
    private int sendBuffer = 0;
    public void Apply(Socket s)
    {
        if (ReceiveBuffer > 0) s.ReceiveBufferSize = ReceiveBuffer;
        if (sendBuffer != 0) s.SendBufferSize = sendBuffer;
    }
}",
            ShipNoFixedDefaultCodeFix.EquivalenceKey);

        [Fact]
        public Task NullableDefaultIsRemoved() => ShipVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class Options
{
    public int? ReceiveBuffer { get; set; } = {|SOCK007:8192|};
    public void Apply(Socket s)
    {
        if (ReceiveBuffer.HasValue) s.ReceiveBufferSize = ReceiveBuffer.Value;
    }
}",
            @"
using System.Net.Sockets;
class Options
{
    public int? ReceiveBuffer { get; set; }
    public void Apply(Socket s)
    {
        if (ReceiveBuffer.HasValue) s.ReceiveBufferSize = ReceiveBuffer.Value;
    }
}");

        [Fact]
        public Task NotOfferedWhenASetterIsUnguarded()
        {
            var source = @"
using System.Net.Sockets;
class Options
{
    public int ReceiveBuffer = {|SOCK007:8192|};
    public void Apply(Socket s) => s.ReceiveBufferSize = {|SOCK006:ReceiveBuffer|};
}";
            return ShipVerify.VerifyAsync(source, source);
        }

        [Fact]
        public Task GuardStaysOnTheLineOfAOneLineBody() => GuardVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket s, int size) { s.ReceiveBufferSize = {|SOCK006:size|}; }
    void N(Socket s, int? size) { s.NoDelay = true; s.SendBufferSize = {|SOCK006:size.Value|}; s.Blocking = true; }
}",
            @"
using System.Net.Sockets;
class C
{
    void M(Socket s, int size) { if (size > 0) { s.ReceiveBufferSize = size; } }
    void N(Socket s, int? size) { s.NoDelay = true; if (size.HasValue) { s.SendBufferSize = size.Value; } s.Blocking = true; }
}",
            ApplyOnlyWhenConfiguredCodeFix.EquivalenceKey);

        [Fact]
        public Task GuardOnTopLevelStatements()
        {
            var test = GuardVerify.Create(ApplyOnlyWhenConfiguredCodeFix.EquivalenceKey);
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.TestState.Sources.Add(@"using System.Net.Sockets;
var size = int.Parse(System.Environment.GetEnvironmentVariable(""RCVBUF"") ?? ""0"");
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
s.ReceiveBufferSize = {|SOCK006:size|};
s.SendBufferSize = {|SOCK006:size|}; s.NoDelay = true;
");
            test.FixedState.Sources.Add(@"using System.Net.Sockets;
var size = int.Parse(System.Environment.GetEnvironmentVariable(""RCVBUF"") ?? ""0"");
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
if (size > 0)
{
    s.ReceiveBufferSize = size;
}
if (size > 0) { s.SendBufferSize = size; } s.NoDelay = true;
");
            return test.RunAsync();
        }

        // Issue 13: "Ship no fixed default" must never let 0 reach a setter. The fix trusts the analyzer's AllGuarded
        // property; these pin that it is offered for "true" only.

        [Theory]
        [InlineData("true", true)]
        [InlineData("false", false)]
        [InlineData(null, false)]
        [InlineData("True", false)]
        public async Task OfferedOnlyWhenTheAnalyzerSaysEveryGuardExcludesZero(string? allGuarded, bool offered)
        {
            var source = @"class Options { public int ReceiveBuffer { get; set; } = 32 * 1024; }";
            using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
            var document = workspace.CurrentSolution
                .AddProject("P", "P", Microsoft.CodeAnalysis.LanguageNames.CSharp)
                .AddDocument("Options.cs", source);
            var tree = (await document.GetSyntaxTreeAsync())!;
            var span = new Microsoft.CodeAnalysis.Text.TextSpan(source.IndexOf("32 * 1024", StringComparison.Ordinal), "32 * 1024".Length);
            var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty;
            if (allGuarded != null)
            {
                properties = properties.Add(SocketBufferAnalyzers.Rules.ShippedDefaults.AllGuardedProperty, allGuarded);
            }

            var diagnostic = Microsoft.CodeAnalysis.Diagnostic.Create(
                SocketBufferAnalyzers.Rules.Descriptors.SOCK007_ShippedDefaultFixesBuffer,
                Microsoft.CodeAnalysis.Location.Create(tree, span),
                properties,
                "x", "y", "z", "w");
            var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
            var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await new ShipNoFixedDefaultCodeFix().RegisterCodeFixesAsync(context);

            Assert.Equal(offered, actions.Count == 1);
        }

        [Fact(Skip = "needs analyzer AllGuarded excluding zero (lead)")]
        public Task NotOfferedWhenAGuardLetsZeroThrough()
        {
            // "!= -1" lets 0 through: after the fix, 0 would reach the setter and lock the buffer at the kernel's minimum.
            var source = @"
using System.Net.Sockets;
class Options
{
    public int ReceiveBuffer { get; set; } = {|SOCK007:32 * 1024|};
    public void Apply(Socket s)
    {
        if (ReceiveBuffer != -1) s.ReceiveBufferSize = ReceiveBuffer;
    }
}";
            return ShipVerify.VerifyAsync(source, source, ShipNoFixedDefaultCodeFix.EquivalenceKey);
        }

        [Fact]
        public Task ShipsZeroForAGuardOfAtLeastOneAndFixesAll() => ShipVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class Options
{
    public int ReceiveBuffer { get; set; } = {|SOCK007:32 * 1024|}; public int SendBuffer { get; set; } = {|SOCK007:16 * 1024|};
    public void Apply(Socket s)
    {
        if (ReceiveBuffer >= 1) s.ReceiveBufferSize = ReceiveBuffer;
        if (SendBuffer > 0) s.SendBufferSize = SendBuffer;
    }
}",
            @"
using System.Net.Sockets;
class Options
{
    public int ReceiveBuffer { get; set; } = 0; public int SendBuffer { get; set; } = 0;
    public void Apply(Socket s)
    {
        if (ReceiveBuffer >= 1) s.ReceiveBufferSize = ReceiveBuffer;
        if (SendBuffer > 0) s.SendBufferSize = SendBuffer;
    }
}",
            ShipNoFixedDefaultCodeFix.EquivalenceKey);

        [Fact]
        public Task NullableDefaultOnALineWithAnotherMember() => ShipVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class Options
{
    public int? ReceiveBuffer { get; set; } = {|SOCK007:8192|}; public bool NoDelay { get; set; }
    public void Apply(Socket s)
    {
        if (ReceiveBuffer.HasValue) s.ReceiveBufferSize = ReceiveBuffer.Value;
    }
}",
            @"
using System.Net.Sockets;
class Options
{
    public int? ReceiveBuffer { get; set; } public bool NoDelay { get; set; }
    public void Apply(Socket s)
    {
        if (ReceiveBuffer.HasValue) s.ReceiveBufferSize = ReceiveBuffer.Value;
    }
}");
    }
}
