using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>SOCK004: a receive buffer set after the connection exists, ordered by control flow.</summary>
    public class Sock004Tests
    {
        /// <summary>These tests are about other rules: SOCK006 (configured values) has its own tests.</summary>
        internal const string Sock006Off = "dotnet_diagnostic.SOCK006.severity = none";

        private static Task Verify(string body) => AnalyzerVerifier.VerifyAsync(
            new[] { @"
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

class C
{
    async Task M(Socket parameter, TcpListener listener, Socket listening, EndPoint endPoint, int configured, bool flag)
    {
" + body + @"
        await Task.CompletedTask;
    }
}" },
            Sock006Off);

        [Fact]
        public Task ConfiguredValueAfterConnect() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
s.Connect(endPoint);
{|SOCK004:s.ReceiveBufferSize = configured|};");

        [Fact]
        public Task ConstantThatAsksForMoreThanTheEstablishedClamp() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
s.Connect(endPoint);
{|SOCK004:s.ReceiveBufferSize = {|SOCK001:131072|}|};");

        [Fact]
        public Task ConstantBelowTheEstablishedClampTakesEffectAtOnce() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
s.Connect(endPoint);
s.ReceiveBufferSize = {|SOCK001:8192|};");

        [Fact]
        public Task AcrossAwait() => Verify(@"
var client = new TcpClient();
await client.ConnectAsync(""example.org"", 443);
{|SOCK004:client.ReceiveBufferSize = configured|};");

        [Fact]
        public Task ThroughTheClientsSocket() => Verify(@"
var client = new TcpClient();
client.Connect(""example.org"", 443);
{|SOCK004:client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, configured)|};");

        [Fact]
        public Task BeginConnect() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
s.BeginConnect(endPoint, null, null);
{|SOCK004:s.ReceiveBufferSize = configured|};");

        [Fact]
        public Task InALoopAfterConnect() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
s.Connect(endPoint);
for (var i = 0; i < 3; i++)
{
    {|SOCK004:s.ReceiveBufferSize = configured + i|};
}");

        [Fact]
        public Task ALoopBackEdgeCarriesTheConnection() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
while (flag)
{
    {|SOCK004:s.ReceiveBufferSize = configured|};
    s.Connect(endPoint);
}");

        [Fact]
        public Task AGotoBackCarriesTheConnection() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
again:
{|SOCK004:s.ReceiveBufferSize = configured|};
s.Connect(endPoint);
if (flag) goto again;");

        [Fact]
        public Task BeforeTheConnectInStraightLineCode() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
s.ReceiveBufferSize = configured;
try { s.Connect(endPoint); } catch (SocketException) { }
s.Connect(endPoint);");

        [Fact]
        public Task ANewSocketEachIterationStartsUnconnected() => Verify(@"
while (flag)
{
    var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
    s.ReceiveBufferSize = configured;
    s.Connect(endPoint);
}");

        [Fact]
        public Task ConnectOnADifferentBranch() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
if (flag)
{
    s.Connect(endPoint);
}
else
{
    s.ReceiveBufferSize = configured;
}");

        [Fact]
        public Task ConnectOnOneBranchBefore() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
if (flag) s.Connect(endPoint);
{|SOCK004:s.ReceiveBufferSize = configured|};");

        [Fact]
        public Task SetBeforeConnect() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
s.ReceiveBufferSize = configured;
s.Connect(endPoint);");

        [Fact]
        public Task ConnectOnADifferentSocket() => Verify(@"
var a = new Socket(SocketType.Stream, ProtocolType.Tcp);
var b = new Socket(SocketType.Stream, ProtocolType.Tcp);
a.Connect(endPoint);
b.ReceiveBufferSize = configured;");

        [Fact]
        public Task AParametersStateIsUnknown() => Verify("parameter.ReceiveBufferSize = configured;");

        [Fact]
        public Task ConnectInADifferentMethod() => AnalyzerVerifier.VerifyAsync(new[] { @"
using System.Net;
using System.Net.Sockets;
class C
{
    private readonly Socket _s = new Socket(SocketType.Stream, ProtocolType.Tcp);
    void Open(EndPoint e) => _s.Connect(e);
    void Tune(int size) => _s.ReceiveBufferSize = size;
}" }, Sock006Off);

        [Fact]
        public Task TheSendSideTakesEffectAfterConnect() => Verify(@"
var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
s.Connect(endPoint);
s.SendBufferSize = configured;");

        [Fact]
        public Task AListenerAfterListenOrStartIsInTime() => Verify(@"
listening.Listen(100);
listening.ReceiveBufferSize = configured;
listener.Start();
listener.Server.ReceiveBufferSize = configured;");

        [Fact]
        public Task UdpConnectIsNotATcpConnection() => Verify(@"
var udp = new UdpClient();
udp.Connect(""example.org"", 53);
udp.Client.ReceiveBufferSize = configured;");

        [Fact]
        public Task EveryAcceptForm() => Verify(@"
var a = listening.Accept();
{|SOCK004:a.ReceiveBufferSize = configured|};
var b = await listening.AcceptAsync();
{|SOCK004:b.ReceiveBufferSize = configured|};
var c = listener.AcceptSocket();
{|SOCK004:c.ReceiveBufferSize = configured|};
var d = await listener.AcceptSocketAsync();
{|SOCK004:d.ReceiveBufferSize = configured|};
var e = listener.AcceptTcpClient();
{|SOCK004:e.ReceiveBufferSize = configured|};
var f = await listener.AcceptTcpClientAsync();
{|SOCK004:f.Client.ReceiveBufferSize = configured|};
var g = listening.EndAccept(listening.BeginAccept(null, null));
{|SOCK004:g.ReceiveBufferSize = configured|};
var h = listener.EndAcceptTcpClient(listener.BeginAcceptTcpClient(null, null));
{|SOCK004:h.ReceiveBufferSize = configured|};");

        [Fact]
        public Task TheConnectingConstructor() => Verify(@"
var client = new TcpClient(""example.org"", 443);
{|SOCK004:client.ReceiveBufferSize = configured|};
var other = new TcpClient(""example.org"", 443) { {|SOCK004:ReceiveBufferSize = configured|} };");

        [Fact]
        public Task InsideALambdaItsOwnFlowCounts() => Verify(@"
Action act = () =>
{
    var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
    s.Connect(endPoint);
    {|SOCK004:s.ReceiveBufferSize = configured|};
};
Action quiet = () =>
{
    var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
    s.ReceiveBufferSize = configured;
    s.Connect(endPoint);
};");

        [Fact]
        public Task MessageNamesTheClampAndTheWindow() => AnalyzerVerifier.VerifyAsync(
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(EndPoint endPoint)
    {
        var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
        s.Connect(endPoint);
        {|#0:s.ReceiveBufferSize = {|SOCK001:131072|}|};
    }
}",
            AnalyzerVerifier.Diagnostic("SOCK004").WithLocation(0).WithArguments(
                "ReceiveBufferSize is set after Connect, too late: on Linux 6.1 the connection's window stays at 64 KiB instead of 128 KiB. Set it before Connect."));
    }
}
