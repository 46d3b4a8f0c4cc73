using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>Socket kind from what the code shows: TCP rules fire on TCP and unknown sockets, never on proven UDP or other ones.</summary>
    public class SocketKindTests
    {
        private static Task Verify(string body, string members = "") => AnalyzerVerifier.VerifyAsync(@"
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

class C
{
" + members + @"
    async Task M(Socket parameter, TcpListener listener, Socket listening)
    {
" + body + @"
        await Task.CompletedTask;
    }
}");

        [Theory]
        [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)")]
        [InlineData("new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Unspecified)")]
        [InlineData("new Socket(SocketType.Stream, ProtocolType.Tcp)")]
        [InlineData("new TcpClient().Client")]
        [InlineData("listener.Server")]
        public Task TcpSocketsFire(string creation) => Verify($"var s = {creation};\n s.ReceiveBufferSize = {{|SOCK001:8192|}};");

        [Theory]
        [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)")]
        [InlineData("new Socket(SocketType.Dgram, ProtocolType.Udp)")]
        [InlineData("new UdpClient(0).Client")]
        [InlineData("new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)")]
        [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp)")]
        [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Rdm, ProtocolType.Unspecified)")]
        [InlineData("new Socket(AddressFamily.InterNetwork, SocketType.Seqpacket, ProtocolType.Unspecified)")]
        [InlineData("new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Udp)")]
        public Task UdpAndOtherSocketsStaySilent(string creation) => Verify($"var s = {creation};\n s.ReceiveBufferSize = 8192;\n s.SendBufferSize = 8192;");

        [Fact]
        public Task AParameterIsUnknownAndTcpRulesReport() => Verify("parameter.ReceiveBufferSize = {|SOCK001:8192|};");

        [Fact]
        public Task AcceptedSocketsAreTcp() => Verify(@"
var a = listening.Accept();
a.SendBufferSize = {|SOCK002:8192|};
var b = await listener.AcceptSocketAsync();
b.SendBufferSize = {|SOCK002:8192|};
var c = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
c.SendBufferSize = {|SOCK002:8192|};");

        [Fact]
        public Task AcceptOnAUnixListenerIsOther() => Verify(@"
var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
var accepted = unix.Accept();
accepted.SendBufferSize = 8192;");

        [Fact]
        public Task ALocalAssignedUdpOnEveryPathIsUdp() => Verify(@"
Socket s;
if (parameter != null) s = new Socket(SocketType.Dgram, ProtocolType.Udp);
else s = new UdpClient().Client;
s.ReceiveBufferSize = 8192;");

        [Fact]
        public Task ALocalAssignedUdpOrUnknownIsUnknown() => Verify(@"
var s = parameter ?? new Socket(SocketType.Dgram, ProtocolType.Udp);
s.ReceiveBufferSize = {|SOCK001:8192|};");

        [Fact]
        public Task AFieldAssignedUdpInTheConstructorIsUdp() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Receiver
{
    private readonly Socket _socket;
    private readonly UdpClient _client = new UdpClient(0);
    public Receiver() { _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp); }
    public void Configure()
    {
        _socket.ReceiveBufferSize = 8192;
        _client.Client.ReceiveBufferSize = 8192;
    }
}");

        [Fact]
        public Task AFieldAssignedTcpAndUdpIsUnknown() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Either
{
    private Socket _socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
    public void Tcp() { _socket = new Socket(SocketType.Stream, ProtocolType.Tcp); }
    public void Configure() { _socket.ReceiveBufferSize = {|SOCK001:8192|}; }
}");

        [Fact]
        public Task AFieldOfAnotherTypeIsUnknown() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Holder { public Socket Socket = new Socket(SocketType.Dgram, ProtocolType.Udp); }
class User { void M(Holder h) { h.Socket.ReceiveBufferSize = {|SOCK001:8192|}; } }");

        [Fact]
        public Task AnAutoPropertyAssignedInTheConstructor() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Receiver
{
    public Socket Socket { get; }
    public Receiver() { Socket = new Socket(SocketType.Dgram, ProtocolType.Udp); }
    public void Configure() => Socket.ReceiveBufferSize = 8192;
}");

        [Theory]
        [InlineData("null")]
        [InlineData("null!")]
        [InlineData("default")]
        [InlineData("default(Socket)")]
        public Task ANullInitializerDoesNotMakeAFieldUnknown(string initializer) => AnalyzerVerifier.VerifyAsync(@"
#nullable enable
using System.Net.Sockets;
class Receiver
{
    private Socket? _socket = " + initializer + @";
    public void Start()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.ReceiveBufferSize = 8192;
    }
}");

        [Fact]
        public Task ANullInitializerKeepsATcpFieldTcp() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Sender
{
    private Socket _socket = null;
    public void Start()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.SendBufferSize = {|SOCK002:8192|};
    }
}");

        [Fact]
        public Task ANullInitializerBesideTwoKindsIsUnknown() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Either
{
    private Socket _socket = null;
    public void Udp() { _socket = new Socket(SocketType.Dgram, ProtocolType.Udp); }
    public void Tcp() { _socket = new Socket(SocketType.Stream, ProtocolType.Tcp); }
    public void Configure() { _socket.ReceiveBufferSize = {|SOCK001:8192|}; }
}");
    }
}
