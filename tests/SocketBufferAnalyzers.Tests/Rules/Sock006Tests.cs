using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>SOCK006: a configured size applied unconditionally (suggestion severity).</summary>
    public class Sock006Tests
    {
        private static Task Verify(string body) => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Options
{
    public int ReceiveBufferSize { get; set; }
    public int? SendBufferSize { get; set; }
}
class C
{
    int size;
    int? maybe;

    void M(Socket socket, Options options)
    {
" + body + @"
    }
}");

        [Fact]
        public Task UnguardedField() => Verify("socket.ReceiveBufferSize = {|SOCK006:size|};");

        /// <summary>A size that is a parameter of the enclosing member makes it a forwarder: decided at its calls, not at the setting.</summary>
        [Fact]
        public Task AParameterIsDecidedAtTheCalls() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Options { public int Size { get; set; } }
class C
{
    public void Apply(Socket s, int size) => s.ReceiveBufferSize = size;
    public void Unused(Socket s, int size) => s.SendBufferSize = size;
    void Use(Socket s, Options o)
    {
        Apply(s, {|SOCK006:o.Size|});
        Apply(s, {|SOCK001:8192|});
        if (o.Size > 0) Apply(s, o.Size);
    }
}");

        [Fact]
        public Task UnguardedOption() => Verify("socket.ReceiveBufferSize = {|SOCK006:options.ReceiveBufferSize|};");

        [Fact]
        public Task GuardedByAComparison() => Verify("if (size > 0) socket.ReceiveBufferSize = size;\n if (options.ReceiveBufferSize != 0) { socket.ReceiveBufferSize = options.ReceiveBufferSize; }");

        [Fact]
        public Task GuardedByHasValueNullAndIs() => Verify(@"
if (maybe.HasValue) socket.ReceiveBufferSize = maybe.Value;
if (options.SendBufferSize != null) socket.SendBufferSize = options.SendBufferSize.Value;
if (maybe is int m) socket.ReceiveBufferSize = maybe.GetValueOrDefault();");

        [Fact]
        public Task GuardedByAnEarlyReturn() => Verify("if (size <= 0) return;\n socket.ReceiveBufferSize = size;");

        [Fact]
        public Task GuardedThroughALocal() => Verify("var configured = options.ReceiveBufferSize;\n if (configured > 0) socket.ReceiveBufferSize = configured;");

        [Fact]
        public Task ADynamicValueGuardedByTheSameExpression() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class C
{
    void M(Socket s, dynamic d)
    {
        if (d.Size > 0) s.ReceiveBufferSize = d.Size;
        s.SendBufferSize = {|SOCK006:d.Size|};
    }
}");

        [Fact]
        public Task AnUnrelatedConditionIsNoGuard() => Verify("if (socket.Connected) socket.ReceiveBufferSize = {|SOCK006:size|};");

        [Fact]
        public Task NotOnUdp() => Verify("var udp = new UdpClient();\n udp.Client.ReceiveBufferSize = size;");

        [Fact]
        public Task TheSeverityIsSuggestion() => AnalyzerVerifier.VerifyAsync(
            @"
using System.Net.Sockets;
class C { int size; void M(Socket s) => s.SendBufferSize = {|#0:size|}; }",
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SOCK006", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments(
                "SendBufferSize is set from size whatever its value, so no configuration leaves send-buffer autotuning on; apply it only when it is set (if (size > 0))."));

        [Fact]
        public Task MessageNamesANullableGuard() => AnalyzerVerifier.VerifyAsync(
            @"
using System.Net.Sockets;
class C { int? size; void M(Socket s) => s.ReceiveBufferSize = {|#0:size.Value|}; }",
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SOCK006", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments(
                "ReceiveBufferSize is set from size.Value whatever its value, so no configuration leaves receive-window autotuning on; apply it only when it is set (if (size.HasValue))."));

        [Fact]
        public Task MessageNamesTheShippedDefault() => AnalyzerVerifier.VerifyAsync(
            @"
using System.Net.Sockets;
class Options { public int ReceiveBuffer = 32 * 1024; }
class C { void M(Socket s, Options o) => s.ReceiveBufferSize = {|#0:o.ReceiveBuffer|}; }",
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SOCK006", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments(
                "ReceiveBufferSize is set from o.ReceiveBuffer whatever its value, so no configuration leaves receive-window autotuning on; apply it only when it is set (if (o.ReceiveBuffer > 0))." +
                " Its shipped default of 32 KiB gives everyone who keeps it a locked 64 KiB buffer; at 50 ms RTT 5.2 Mbit/s per connection."),
            AnalyzerVerifier.Diagnostic("SOCK007").WithSpan(3, 44, 3, 53));
    }
}
