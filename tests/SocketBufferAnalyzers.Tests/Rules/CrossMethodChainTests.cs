using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>Forwarder chains of any depth: the constant at the outermost call is judged (rules: "chains of any depth").</summary>
    public class CrossMethodChainTests
    {
        [Theory]
        [InlineData(2)]
        [InlineData(12)]
        [InlineData(40)]
        public Task AConstantAtTheEndOfALongChainIsJudged(int depth)
        {
            var members = string.Concat(Enumerable.Range(0, depth).Select(i =>
                i == depth - 1
                    ? $"    static void F{i}(Socket s, int size) => s.ReceiveBufferSize = size;\n"
                    : $"    static void F{i}(Socket s, int size) => F{i + 1}(s, size);\n"));
            return AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
static class Chain
{
" + members + @"    public static void Use(Socket s) => F0(s, {|SOCK001:8192|});
}");
        }
    }
}
