using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// Issue 13, wrong verdicts: a guard is a condition that implies, on every path to the setting, that the value is
    /// positive (or has a value). The values here are members of an options field, never parameters, so that no method is a
    /// forwarder and each setting is judged where it stands.
    /// </summary>
    public class GuardShapeTests
    {
        private static Task Verify(string body) => AnalyzerVerifier.VerifyAsync(@"
using System;
using System.Net.Sockets;
class Options
{
    public int Size { get; set; }
    public int? Maybe { get; set; }
    public int Kib { get; set; }
    public bool Force { get; set; }
}
class C
{
    private readonly Options _o = new Options();
    private Action<Socket> _configure = _ => { };

    void M()
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
" + body + @"
    }
}");

        [Fact]
        public Task PropertyPatternDeclaringTheValue() => Verify("if (_o.Maybe is { } size) s.ReceiveBufferSize = size;");

        [Fact]
        public Task PropertyPatternOnTheOptionsObject() => Verify("if (_o is { Size: > 0 }) s.ReceiveBufferSize = _o.Size;");

        [Fact]
        public Task RelationalPatternInASwitchSection() => Verify(@"
switch (_o.Size)
{
    case > 0:
        s.ReceiveBufferSize = _o.Size;
        break;
}");

        [Fact]
        public Task RelationalPatternWithAWhenClause() => Verify(@"
switch (_o.Size)
{
    case int n when n > 0:
        s.ReceiveBufferSize = n;
        break;
}");

        [Fact]
        public Task ADefaultSectionIsNoGuard() => Verify(@"
switch (_o.Size)
{
    case > 0:
    default:
        s.ReceiveBufferSize = {|SOCK006:_o.Size|};
        break;
}");

        [Fact]
        public Task GuardHeldInALocal() => Verify("bool configured = _o.Size > 0;\n if (configured) s.ReceiveBufferSize = _o.Size;");

        [Fact]
        public Task GuardHeldInALocalWrittenTwiceIsNoGuard() =>
            Verify("bool configured = _o.Size > 0;\n configured = true;\n if (configured) s.ReceiveBufferSize = {|SOCK006:_o.Size|};");

        [Fact]
        public Task GuardOutsideALambdaThatSetsTheBuffer() =>
            Verify("var size = _o.Size;\n if (size > 0) _configure = socket => socket.ReceiveBufferSize = size;");

        [Fact]
        public Task GuardOutsideALambdaBody() =>
            Verify("if (_o.Size > 0) { _configure = socket => { socket.SendBufferSize = _o.Size; }; }");

        [Fact]
        public Task ADisjunctionWithAnotherFlagIsNoGuard() => Verify("if (_o.Force || _o.Size > 0) s.ReceiveBufferSize = {|SOCK006:_o.Size|};");

        [Fact]
        public Task ADisjunctionOfTwoTestsOfTheValueIsAGuard() => Verify("if (_o.Size > 65536 || _o.Size > 0) s.ReceiveBufferSize = _o.Size;");

        [Fact]
        public Task AConjunctionWithAnotherFlagIsAGuard() => Verify("if (_o.Force && _o.Size > 0) s.ReceiveBufferSize = _o.Size;");

        [Fact]
        public Task ANegatedDisjunctionIsAGuard() => Verify("if (!(_o.Size <= 0 || _o.Force)) s.ReceiveBufferSize = _o.Size;");

        [Fact]
        public Task EarlyReturn() => Verify("if (_o.Size <= 0) return;\n s.ReceiveBufferSize = _o.Size;");

        [Fact]
        public Task EarlyThrow() => Verify("if (_o.Size <= 0) throw new InvalidOperationException();\n s.ReceiveBufferSize = _o.Size;");

        [Fact]
        public Task AnEarlyExitOnAnotherConditionIsNoGuard() => Verify("if (_o.Force) return;\n s.ReceiveBufferSize = {|SOCK006:_o.Size|};");

        [Fact]
        public Task AnEarlyExitAfterTheSettingIsNoGuard() => Verify("s.ReceiveBufferSize = {|SOCK006:_o.Size|};\n if (_o.Size <= 0) return;");

        [Fact]
        public Task ElseBranch() => Verify("if (_o.Size <= 0) { Console.WriteLine(); } else { s.ReceiveBufferSize = _o.Size; }");

        [Fact]
        public Task ADeclarationPatternOnAPlainIntIsNoGuard() => Verify("if (_o.Size is int n) s.ReceiveBufferSize = {|SOCK006:n|};");

        [Fact]
        public Task NotMinusOneLetsZeroThroughButSkipsSomeConfiguration() => Verify("if (_o.Size != -1) s.ReceiveBufferSize = _o.Size;");

        [Fact]
        public Task NestedIfs() => Verify("if (_o.Size > 0) { if (!_o.Force) { s.ReceiveBufferSize = _o.Size; } }");

        [Fact]
        public Task NestedIfsTheInnerOneTestingTheValue() => Verify("if (_o.Force) { if (_o.Size > 0) { s.ReceiveBufferSize = _o.Size; } }");

        [Fact]
        public Task ScaledValueGuardedByItsUnscaledSource() => Verify("if (_o.Kib > 0) s.ReceiveBufferSize = _o.Kib * 1024;");

        [Fact]
        public Task ScaledValueThroughALocalGuarded() => Verify("var kib = _o.Kib;\n if (kib > 0) s.ReceiveBufferSize = kib * 1024;");

        [Fact]
        public Task ScaledValueUnguarded() => Verify("s.ReceiveBufferSize = {|SOCK006:_o.Kib * 1024|};");

        [Fact]
        public Task ATestOfAnotherValueIsNoGuard() => Verify("if (_o.Kib > 0) s.ReceiveBufferSize = {|SOCK006:_o.Size|};");
    }
}
