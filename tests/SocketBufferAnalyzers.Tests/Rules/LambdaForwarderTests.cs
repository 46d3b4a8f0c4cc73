using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>A lambda stored in a local is a forwarder like a local function: its calls through the local are the settings (rules, "Across methods and types" 1).</summary>
    public class LambdaForwarderTests
    {
        [Fact]
        public Task EachCallThroughTheLocalIsJudgedAtItsArgument() => AnalyzerVerifier.VerifyAsync(@"
using System;
using System.Net.Sockets;
static class Use
{
    static void Open(int configured)
    {
        var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
        Action<int> apply = size => socket.ReceiveBufferSize = size;
        apply({|SOCK003:1 << 20|});
        apply(65536);
        var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp);
        Action<int> applyTcp = size => tcp.SendBufferSize = size;
        applyTcp({|SOCK002:65536|});
        applyTcp({|SOCK006:Environment.ProcessorCount * 1024|});
    }
}");

        [Fact]
        public Task AStoredLambdaNeverCalledIsSilentALambdaHandedOnIsNot() => AnalyzerVerifier.VerifyAsync(@"
using System;
using System.Net.Sockets;
static class Use
{
    static void Register(Action<int> handler) { }
    static void Open()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        Action<int> unused = size => socket.ReceiveBufferSize = size;
        Register(size => socket.SendBufferSize = {|SOCK006:size|});
    }
}");
    }
}
