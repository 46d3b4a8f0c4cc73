using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// A constant that reaches a setter through an option member or a stored constructor parameter (rules, "Across methods and
    /// types" 1 and 3): where a library ships it (initializer, constructor, this(…)/base(…), a static factory of the option type)
    /// it is a default (SOCK007); written anywhere else (a method, a lambda, an object initializer) it is its author's setting,
    /// judged at the constant with the setting's ids.
    /// </summary>
    public class ChosenOrDefaultTests
    {
        private const string Connector = @"
using System.Net;
using System.Net.Sockets;
public sealed class Options
{
    public int ReceiveBufferSize { get; set; }
    public int BufferSizeKiB { get; set; }
}
public sealed class Connector
{
    private readonly Options _options;
    public Connector(Options options) => _options = options;
    public Socket Open(EndPoint server)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        if (_options.ReceiveBufferSize > 0)
            socket.ReceiveBufferSize = _options.ReceiveBufferSize;
        if (_options.BufferSizeKiB > 0)
            socket.SendBufferSize = _options.BufferSizeKiB * 1024;
        socket.Connect(server);
        return socket;
    }
}";

        [Fact]
        public Task AConstantWrittenInAMethodIsASettingThroughTheMember() => AnalyzerVerifier.VerifyAsync(
            new[]
            {
                Connector,
                @"
using System.Net;
static class Use
{
    static void Open(EndPoint server)
    {
        var options = new Options();
        options.ReceiveBufferSize = {|#0:32768|};
        new Connector(options).Open(server);
    }
}",
            },
            editorConfig: null,
            AnalyzerVerifier.Diagnostic("SOCK001").WithLocation(0).WithArguments(
                "Receive buffer fixed at 32 KiB through Options.ReceiveBufferSize: Linux doubles it to 64 KiB (half is overhead) and stops autotuning; "
                + "one connection tops out at 5.2 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link."));

        [Fact]
        public Task ScalingOnTheWayIsAppliedAndAGuardedZeroIsSilent() => AnalyzerVerifier.VerifyAsync(Connector + @"
static class Use
{
    static void Small(EndPoint server) => new Connector(new Options { BufferSizeKiB = {|SOCK002:16|} }).Open(server);
    static void Large(EndPoint server) => new Connector(new Options { BufferSizeKiB = {|SOCK002:{|SOCK003:1024|}|} }).Open(server);
    static void Unset(EndPoint server) => new Connector(new Options { ReceiveBufferSize = 0, BufferSizeKiB = 0 }).Open(server);
}");

        [Fact]
        public Task AConstructorShipsDefaultsAStaticMethodOfAnotherTypeDoesNot() => AnalyzerVerifier.VerifyAsync(Connector + @"
sealed class Client
{
    private readonly Connector _connector;
    public Client() => _connector = new Connector(new Options { ReceiveBufferSize = {|SOCK007:65536|} });
    public static Options Tuned() => new Options { BufferSizeKiB = {|SOCK002:64|} };
}");

        [Fact]
        public Task AStaticMethodOfAnotherTypeIsNoFactoryOfTheOptions() => AnalyzerVerifier.VerifyAsync(Connector + @"
static class Samples
{
    public static Socket Tiny(EndPoint server) => new Connector(new Options { ReceiveBufferSize = {|SOCK005:100|} }).Open(server);
}");

        [Fact]
        public Task AnOmittedOptionalArgumentIsTheDefaultOnly() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
public sealed class Config
{
    public int RecvBufferSize;
    public bool NoDelay;
    public Config(bool noDelay = true, int recvBufferSize = {|SOCK007:65536|})
    {
        NoDelay = noDelay;
        RecvBufferSize = recvBufferSize;
    }
}
public sealed class Peer
{
    private readonly Config _config;
    public Peer(Config config) => _config = config;
    public void Apply(Socket socket) => socket.ReceiveBufferSize = {|SOCK006:_config.RecvBufferSize|};
}
static class Use
{
    static Peer Quick() => new Peer(new Config(noDelay: false));
    static Peer Chosen() => new Peer(new Config(recvBufferSize: {|SOCK001:131072|}));
}");

        [Fact]
        public Task ConstructorChainsShipTheirConstantsOncePerConstant() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
public class Host
{
    protected Host(int size) => Size = size;
    public int Size { get; }
    public void Attach(Socket socket)
    {
        if (Size > 0) socket.ReceiveBufferSize = Size;
        if (Size > 0) socket.SendBufferSize = Size;
    }
}
public class Small : Host { public Small() : base({|SOCK007:8192|}) { } }
public class Off : Host { public Off() : base(0) { } }
public class Configured : Host { public Configured(int size) : base(size) { } }");
    }
}
