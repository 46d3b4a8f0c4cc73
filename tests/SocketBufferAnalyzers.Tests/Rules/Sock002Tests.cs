using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>SOCK002: a fixed TCP send buffer.</summary>
    public class Sock002Tests
    {
        /// <summary>These tests are about other rules: SOCK006 (configured values) has its own tests.</summary>
        internal const string Sock006Off = "dotnet_diagnostic.SOCK006.severity = none";

        private static Task Verify(string body) => AnalyzerVerifier.VerifyAsync(
            new[] { @"
using System.Net.Sockets;
class C
{
    void M(Socket socket, TcpClient client, int configured)
    {
" + body + @"
    }
}" },
            Sock006Off);

        [Fact]
        public Task SocketProperty() => Verify("socket.SendBufferSize = {|SOCK002:64 * 1024|};");

        [Fact]
        public Task TcpClientProperty() => Verify("client.SendBufferSize = {|SOCK002:8192|};");

        [Fact]
        public Task Initializer() => Verify("var c = new TcpClient { SendBufferSize = {|SOCK002:8192|} };");

        [Fact]
        public Task SetSocketOption() =>
            Verify("socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, {|SOCK002:8192|});");

        [Fact]
        public Task RawSendBuffer() => Verify("socket.SetRawSocketOption(1, 7, System.BitConverter.GetBytes({|SOCK002:8192|}));");

        [Fact]
        public Task NotForANonConstantValue() => Verify("socket.SendBufferSize = configured;");

        [Fact]
        public Task NotOnUdp() => Verify("var udp = new UdpClient();\n udp.Client.SendBufferSize = 8192;");

        [Fact]
        public Task MessageCarriesTheModelsNumbers() => AnalyzerVerifier.VerifyAsync(
            @"
using System.Net.Sockets;
class C { void M(Socket socket) => socket.SendBufferSize = {|#0:65536|}; }",
            AnalyzerVerifier.Diagnostic("SOCK002").WithLocation(0).WithArguments(
                "Send buffer fixed at 64 KiB: " +
                    "Linux doubles it to 128 KiB (half is overhead) and stops autotuning; one connection tops out at ~10.5 Mbit/s at 50 ms RTT (autotuned: 336 Mbit/s). Remove it or size it for the link."));
    }
}
