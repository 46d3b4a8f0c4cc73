using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// SOCK005: not positive or below the kernel minimum, with per-API consequences. Floors on 6.1: 2304 / 4608 bytes (2.25 / 4.5 KiB);
    /// a locked receive floor gives a ½ × 2304 = 1152-byte window (× 160 bit/s at 50 ms = 184 320 → 0.18 Mbit/s), a send floor
    /// 2304 bytes in flight (→ 0.37 Mbit/s). Negative through TcpClient or SetSocketOption: twice rmem_max/wmem_max = 425 984 = 416 KiB.
    /// </summary>
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
            "ReceiveBufferSize = -1 throws ArgumentOutOfRangeException: Socket rejects negative sizes before any system call. Remove it or use a positive size.");

        [Fact]
        public Task NegativeOnTcpClientTakesTheMaximum() => Verify(
            "client.ReceiveBufferSize = {|#0:-1|};",
            "Receive buffer set to -1: Linux reads it as a huge number, so the buffer is locked at the maximum, 416 KiB (twice net.core.rmem_max). Remove it.");

        [Fact]
        public Task NegativeThroughSetSocketOptionTakesTheMaximum() => Verify(
            "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, {|#0:-5|});",
            "Send buffer set to -5: Linux reads it as a huge number, so the buffer is locked at the maximum, 416 KiB (twice net.core.wmem_max). Remove it.");

        [Fact]
        public Task ZeroIsRaisedToTheFloor() => Verify(
            "socket.ReceiveBufferSize = {|#0:0|};",
            "Receive buffer set to 0: Linux raises it to the minimum, 2.25 KiB, and locks it there; one connection tops out at 0.18 Mbit/s at 50 ms RTT. Remove it to keep autotuning.");

        [Fact]
        public Task BelowTheFloorOnTheSendSide() => Verify(
            "socket.SendBufferSize = {|#0:1024|};",
            "Send buffer set to 1 KiB: Linux raises it to the minimum, 4.5 KiB, and locks it there; one connection tops out at ~0.37 Mbit/s at 50 ms RTT. Remove it to keep autotuning.");

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
