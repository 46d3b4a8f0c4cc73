using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>SOCK005: not positive or below the kernel minimum, with per-API consequences.</summary>
    public class Sock005Tests
    {
        private static Task Verify(string body, string message) => AnalyzerVerifier.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M(Socket socket, TcpClient client)
    {
        " + body + @"
    }
}",
            AnalyzerVerifier.Diagnostic("SOCK005").WithLocation(0).WithArguments(message));

        [Fact]
        public Task NegativeOnSocketThrows() => Verify(
            "socket.ReceiveBufferSize = {|#0:-1|};",
            "ReceiveBufferSize = -1 throws ArgumentOutOfRangeException: Socket rejects negative sizes before any system call.");

        [Fact]
        public Task NegativeOnTcpClientTakesTheMaximum() => Verify(
            "client.ReceiveBufferSize = {|#0:-1|};",
            "A negative receive buffer size reaches Linux as a huge unsigned value: it silently takes the maximum, 416 KiB (twice net.core.rmem_max), and locks the buffer.");

        [Fact]
        public Task NegativeThroughSetSocketOptionTakesTheMaximum() => Verify(
            "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, {|#0:-5|});",
            "A negative send buffer size reaches Linux as a huge unsigned value: it silently takes the maximum, 416 KiB (twice net.core.wmem_max), and locks the buffer.");

        [Fact]
        public Task ZeroIsRaisedToTheFloor() => Verify(
            "socket.ReceiveBufferSize = {|#0:0|};",
            "A receive buffer size of 0 is below the kernel minimum: Linux raises it to 2304 bytes, a window of at most 1152 bytes; at 50 ms RTT one connection tops out at 0.18 Mbit/s.");

        [Fact]
        public Task BelowTheFloorOnTheSendSide() => Verify(
            "socket.SendBufferSize = {|#0:1024|};",
            "A send buffer size of 1024 is below the kernel minimum: Linux raises it to 4608 bytes.");

        [Fact]
        public Task TheSmallestKeptValuesAreSilent() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class C
{
    void M()
    {
        var udp = new Socket(SocketType.Dgram, ProtocolType.Udp);
        udp.ReceiveBufferSize = 1152;
        udp.SendBufferSize = 2304;
        udp.ReceiveBufferSize = {|SOCK005:1151|};
        udp.SendBufferSize = {|SOCK005:2303|};
    }
}");

        [Fact]
        public Task WindowsSendBufferZeroIsTheNoCopyIdiom() => AnalyzerVerifier.VerifyAsync(
            new[] { @"
using System.Net.Sockets;
class C { void M(Socket s) { s.SendBufferSize = 0; } }" },
            "socket_buffer.target_os = windows");
    }
}
