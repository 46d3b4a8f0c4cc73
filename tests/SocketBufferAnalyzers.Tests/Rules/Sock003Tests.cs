using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>SOCK003: above the kernel limit, on every socket kind.</summary>
    public class Sock003Tests
    {
        [Fact]
        public Task UdpMessageSaysWhatTheKernelReports() => AnalyzerVerifier.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    void M()
    {
        var udp = new UdpClient(0);
        udp.Client.ReceiveBufferSize = {|#0:7 * 1024 * 1024|};
    }
}",
            AnalyzerVerifier.Diagnostic("SOCK003").WithLocation(0).WithArguments(
                "Receive buffer of 7 MiB is above net.core.rmem_max (208 KiB): " +
                    "Linux silently cuts it to 208 KiB (416 KiB once doubled). Raise the sysctl or lower the value."));

        [Fact]
        public Task TcpGetsBothTheLockAndTheClamp() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class C
{
    void M(TcpClient client)
    {
        client.ReceiveBufferSize = {|SOCK001:{|SOCK003:1024 * 1024|}|};
        client.SendBufferSize = {|SOCK002:{|SOCK003:1024 * 1024|}|};
    }
}");

        [Fact]
        public Task AtTheLimitIsNotAbove() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class C
{
    void M(Socket udp)
    {
        var s = new Socket(SocketType.Dgram, ProtocolType.Udp);
        s.ReceiveBufferSize = 212992;
        s.SendBufferSize = 212992;
    }
}");

        [Fact]
        public Task ForceOptionSaysItNeedsCapNetAdmin() => AnalyzerVerifier.VerifyAsync(
            @"
using System;
using System.Net.Sockets;
class C
{
    void M()
    {
        var s = new Socket(SocketType.Dgram, ProtocolType.Udp);
        s.SetRawSocketOption(1, 33, BitConverter.GetBytes({|#0:7340032|}));
    }
}",
            AnalyzerVerifier.Diagnostic("SOCK003").WithLocation(0).WithArguments(
                "Receive buffer of 7 MiB is above net.core.rmem_max (208 KiB): SO_RCVBUFFORCE passes it only with CAP_NET_ADMIN (Linux then keeps 14 MiB); " +
                "else the call throws SocketException (EPERM). Lower it or grant CAP_NET_ADMIN."));

        [Fact]
        public Task NegativeIsSock005Only() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class C { void M(TcpClient c) { c.ReceiveBufferSize = {|SOCK005:-1|}; } }");
    }
}
