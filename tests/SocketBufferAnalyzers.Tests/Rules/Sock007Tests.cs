using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>SOCK007: a shipped default that reaches a buffer setter, across files.</summary>
    public class Sock007Tests
    {
        private const string Connector = @"
using System.Net.Sockets;
class Connector
{
    public void Open(Socket socket, ConnectionOptions options)
    {
        if (options.socketRecvBuffer > 0)
        {
            socket.ReceiveBufferSize = options.socketRecvBuffer;
        }
    }
}";

        [Fact]
        public Task DefaultInOneFileSetterInAnother() => AnalyzerVerifier.VerifyAsync(
            new[]
            {
                @"
class ConnectionOptions
{
    protected internal int socketRecvBuffer = {|#0:32 * 1024|};
}",
                Connector,
            },
            editorConfig: null,
            AnalyzerVerifier.Diagnostic("SOCK007").WithLocation(0).WithArguments(
                "Default of 32 KiB for socketRecvBuffer reaches Socket.ReceiveBufferSize in Connector.Open: Linux doubles it to 64 KiB and stops autotuning, " +
                "capping its users at 5.2 Mbit/s per connection at 50 ms RTT. Ship 0 so the kernel tunes it."));

        [Fact]
        public Task UnguardedSetterAlsoGetsSock006() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Options { public int SendBuffer { get; set; } = {|SOCK007:64 * 1024|}; }
class Client { void Open(TcpClient c, Options o) { c.SendBufferSize = {|SOCK006:o.SendBuffer|}; } }");

        [Fact]
        public Task ZeroOrNullDefaultsAreSilent() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Options { public int ReceiveBuffer { get; set; } public int? SendBuffer { get; set; } = null; public int Other = 0; }
class Client
{
    void Open(Socket s, Options o)
    {
        if (o.ReceiveBuffer > 0) s.ReceiveBufferSize = o.ReceiveBuffer;
        if (o.SendBuffer.HasValue) s.SendBufferSize = o.SendBuffer.Value;
        if (o.Other > 0) s.SendBufferSize = o.Other;
    }
}");

        [Fact]
        public Task AMemberThatNeverReachesASocketIsNotABufferSetting() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class PipeOptions { public int ReceiveBufferSize { get; set; } = 64 * 1024; }
class Reader
{
    private int bufferSize = 8192;
    byte[] Allocate(PipeOptions o) => new byte[o.ReceiveBufferSize + bufferSize];
}");

        [Fact]
        public Task UdpOnlyGetsTheClampWhenAboveTheLimit() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class QuicOptions { public int SocketReceiveBuffer = {|SOCK003:7 * 1024 * 1024|}; public int Small = 64 * 1024; }
class Endpoint
{
    void Bind(QuicOptions o)
    {
        var udp = new Socket(SocketType.Dgram, ProtocolType.Udp);
        udp.ReceiveBufferSize = o.SocketReceiveBuffer;
        udp.SendBufferSize = o.Small;
    }
}");

        [Fact]
        public Task ATcpDefaultAboveTheLimitGetsBoth() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Options { public int Receive = {|SOCK007:{|SOCK003:1024 * 1024|}|}; }
class Client { void Open(TcpClient c, Options o) { if (o.Receive > 0) c.ReceiveBufferSize = o.Receive; } }");

        [Fact]
        public Task ReportedOncePerMember() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Options { public int Receive = {|SOCK007:8192|}; }
class Client
{
    void A(TcpClient c, Options o) { if (o.Receive > 0) c.ReceiveBufferSize = o.Receive; }
    void B(Socket s, Options o) { if (o.Receive > 0) s.ReceiveBufferSize = o.Receive; }
}");
    }
}
