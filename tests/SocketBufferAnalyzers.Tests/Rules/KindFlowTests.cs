using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// Issue 13: the kind of a local is the kind the writes that reach the setting give (the last write before it in
    /// straight-line code; otherwise every write merged), and UDP or other sockets never get a TCP rule.
    /// </summary>
    public class KindFlowTests
    {
        private const string Tcp = "new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)";
        private const string Udp = "new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)";

        private static Task Verify(string body) => AnalyzerVerifier.VerifyAsync(@"
using System;
using System.Net.Sockets;
class C
{
    void M(bool flag, int count)
    {
" + body.Replace("TCP", Tcp).Replace("UDP", Udp) + @"
    }
}");

        [Fact]
        public Task TcpThenUdpIsUdpAtTheSetting() => Verify("var s = TCP;\n s = UDP;\n s.ReceiveBufferSize = 8192;\n s.SendBufferSize = 8192;");

        [Fact]
        public Task UdpThenTcpIsTcpAtTheSetting() => Verify("var s = UDP;\n s = TCP;\n s.ReceiveBufferSize = {|SOCK001:8192|};");

        [Fact]
        public Task EachSettingSeesTheWriteBeforeIt() => Verify("var s = TCP;\n s.ReceiveBufferSize = {|SOCK001:8192|};\n s = UDP;\n s.ReceiveBufferSize = 8192;");

        [Fact]
        public Task TheLastWriteInAnEnclosingBlockReachesANestedSetting() => Verify("var s = TCP;\n s = UDP;\n if (flag) { s.ReceiveBufferSize = 8192; }");

        [Fact]
        public Task AConditionalWriteMergesToUnknown() => Verify("var s = UDP;\n if (flag) s = TCP;\n s.ReceiveBufferSize = {|SOCK001:8192|};");

        [Fact]
        public Task AConditionalUdpWriteOverATcpOneMergesToUnknown() => Verify("var s = TCP;\n if (flag) { s = UDP; }\n s.ReceiveBufferSize = {|SOCK001:8192|};");

        [Fact]
        public Task AWriteLaterInTheLoopReachesTheNextIteration() =>
            Verify("var s = UDP;\n for (var i = 0; i < count; i++) { s.ReceiveBufferSize = {|SOCK001:8192|};\n s = TCP; }");

        [Fact]
        public Task AWriteAtTheTopOfTheLoopBodyDecides() =>
            Verify("var s = TCP;\n for (var i = 0; i < count; i++) { s = UDP;\n s.ReceiveBufferSize = 8192;\n s = TCP; }");

        [Fact]
        public Task ALambdaSeesEveryWrite() => Verify("var s = UDP;\n Action a = () => s.ReceiveBufferSize = {|SOCK001:8192|};\n s = TCP;\n a();");

        [Fact]
        public Task AWriteInATryReachesTheCatch() => Verify("var s = UDP;\n try { s = TCP; } catch (Exception) { s.ReceiveBufferSize = {|SOCK001:8192|}; }");

        [Fact]
        public Task UdpKeepsItsNonTcpRulesAfterReassignment() =>
            Verify("var s = TCP;\n s = UDP;\n s.ReceiveBufferSize = {|SOCK003:8 * 1024 * 1024|};\n s.SendBufferSize = {|SOCK005:0|};");
    }
}
