using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// Survey shapes K and G (benchmarks/repos/survey.md): a socket's kind decided in another type of the compilation, by a
    /// factory method that returns it or by the callers of a base virtual that an override's parameter receives. Both are
    /// joined at compilation end; the negative controls keep the TCP rules where the other type does not prove UDP.
    /// </summary>
    public class OtherTypeKindTests
    {
        private const string Usings = "using System;\nusing System.Net;\nusing System.Net.Sockets;\nusing System.Threading.Tasks;\n";

        private static Task Verify(string source) => AnalyzerVerifier.VerifyAsync(Usings + source);

        private const string Factories = @"
static class Sockets
{
    internal static Socket Udp(bool v6) => v6 ? new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    internal static Socket Tcp() { var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp); s.NoDelay = true; return s; }
    internal static Socket Either(bool udp) { if (udp) return new Socket(SocketType.Dgram, ProtocolType.Udp); return new Socket(SocketType.Stream, ProtocolType.Tcp); }
    internal static Socket ViaUdp() => Udp(false);
    internal static async Task<Socket> UdpAsync() { await Task.Yield(); return new Socket(SocketType.Dgram, ProtocolType.Udp); }
}
";

        [Fact]
        public Task ALocalFromAUdpFactoryOfAnotherTypeIsUdp() => Verify(Factories + @"
class User { void M() { var s = Sockets.Udp(true); s.ReceiveBufferSize = 8192; s.SendBufferSize = 8192; } }");

        [Fact]
        public Task AFieldFromAUdpFactoryOfAnotherTypeIsUdp() => Verify(Factories + @"
class User
{
    private readonly Socket _socket;
    public User() { _socket = Sockets.Udp(false); }
    public void Configure() { _socket.ReceiveBufferSize = {|SOCK003:1 << 20|}; }
}");

        [Fact]
        public Task AFactoryReturningAnotherFactorysSocketIsFollowed() => Verify(Factories + @"
class User { void M() { var s = Sockets.ViaUdp(); s.ReceiveBufferSize = 8192; } }");

        [Fact]
        public Task AnAwaitedFactoryOfAnotherTypeIsFollowed() => Verify(Factories + @"
class User { async Task M() { var s = await Sockets.UdpAsync(); s.ReceiveBufferSize = 8192; } }");

        [Fact]
        public Task ATcpFactoryOfAnotherTypeKeepsTheTcpRules() => Verify(Factories + @"
class User { void M() { var s = Sockets.Tcp(); s.ReceiveBufferSize = {|SOCK001:8192|}; } }");

        [Fact]
        public Task AMixedFactoryOfAnotherTypeIsUnknown() => Verify(Factories + @"
class User { void M(bool udp) { var s = Sockets.Either(udp); s.SendBufferSize = {|SOCK002:8192|}; } }");

        [Fact]
        public Task AFieldFromAUdpFactoryAndATcpSocketIsUnknown() => Verify(Factories + @"
class User
{
    private Socket _socket;
    public void Open() { _socket = Sockets.Udp(false); }
    public void Reopen() { _socket = new Socket(SocketType.Stream, ProtocolType.Tcp); }
    public void Configure() { _socket.ReceiveBufferSize = {|SOCK001:8192|}; }
}");

        [Fact]
        public Task AUdpFactorySocketPassedToAPrivateHelperIsUdp() => Verify(Factories + @"
class User
{
    public void Open() { Tune(Sockets.Udp(false)); var s = Sockets.Udp(true); Tune(s); }
    private static void Tune(Socket s) { s.ReceiveBufferSize = 8192; s.SendBufferSize = 8192; }
}");

        [Fact]
        public Task AUdpFactorySocketPassedThroughTwoPrivateHelpersIsUdp() => Verify(Factories + @"
class User
{
    public void Open() => Prepare(Sockets.Udp(false));
    private static void Prepare(Socket s) => Tune(s);
    private static void Tune(Socket s) { s.ReceiveBufferSize = 8192; }
}");

        [Fact]
        public Task AHelperGivenAUdpFactorySocketAndATcpOneIsUnknown() => Verify(Factories + @"
class User
{
    public void Open() { Tune(Sockets.Udp(false)); Tune(Sockets.Tcp()); }
    private static void Tune(Socket s) { s.ReceiveBufferSize = {|SOCK001:8192|}; }
}");

        [Fact]
        public Task MutuallyReturningFactoriesStopAndStayUnknown() => Verify(@"
static class A { internal static Socket Make(int n) => n > 0 ? B.Make(n - 1) : new Socket(SocketType.Dgram, ProtocolType.Udp); }
static class B { internal static Socket Make(int n) => n > 0 ? A.Make(n - 1) : new Socket(SocketType.Stream, ProtocolType.Tcp); }
class User { void M() { var s = A.Make(3); s.ReceiveBufferSize = {|SOCK001:8192|}; } }");

        private const string Hooks = @"
public abstract class SocketOption
{
    public virtual void BeforeBind(Socket socket) { }
    public virtual void BeforeConnect(Socket socket) { }
}
public sealed class ReceiveBuffer : SocketOption
{
    public override void BeforeBind(Socket socket) => socket.ReceiveBufferSize = 8192;
    public override void BeforeConnect(Socket socket) => socket.ReceiveBufferSize = {|SOCK001:8192|};
}
";

        [Fact]
        public Task AnOverrideCalledThroughItsBaseWithUdpSocketsIsUdp() => Verify(Hooks + @"
class Binder
{
    void Bind(SocketOption[] options, EndPoint local)
    {
        var socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
        foreach (var option in options) option.BeforeBind(socket);
        socket.Bind(local);
    }

    void Connect(SocketOption option, EndPoint remote)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        option.BeforeConnect(socket);
        socket.Connect(remote);
    }
}");

        [Fact]
        public Task AnOverrideNeverCalledKeepsTheTcpRules() => Verify(@"
public abstract class SocketOption { public virtual void BeforeBind(Socket socket) { } }
public sealed class ReceiveBuffer : SocketOption { public override void BeforeBind(Socket socket) => socket.ReceiveBufferSize = {|SOCK001:8192|}; }");

        [Fact]
        public Task AnOverrideCalledWithUdpThroughTheBaseAndTcpDirectlyIsUnknown() => Verify(@"
public abstract class SocketOption { public abstract void BeforeBind(Socket socket); }
public sealed class ReceiveBuffer : SocketOption { public override void BeforeBind(Socket socket) => socket.ReceiveBufferSize = {|SOCK001:8192|}; }
class Binder
{
    void Udp(SocketOption option) => option.BeforeBind(new Socket(SocketType.Dgram, ProtocolType.Udp));
    void Tcp(ReceiveBuffer option) => option.BeforeBind(new Socket(SocketType.Stream, ProtocolType.Tcp));
}");

        private const string Holder = @"
public sealed class Holder
{
    private readonly Socket _socket;
    public Holder(Socket socket) { _socket = socket ?? throw new ArgumentNullException(nameof(socket)); }
    public void Tune() { _socket.ReceiveBufferSize = {|SOCK001:8192|}; }
}
";

        [Fact]
        public Task AFieldStoredFromAConstructorParameterTakesTheCallersUdpKind() => Verify(Holder.Replace("{|SOCK001:8192|}", "8192") + @"
class User
{
    Holder A() => new Holder(new Socket(SocketType.Dgram, ProtocolType.Udp));
    Holder B() => new Holder(new UdpClient(0).Client);
}");

        [Fact]
        public Task AFieldStoredFromAParameterPassedOnByAnotherConstructorIsFollowed() => Verify(Holder.Replace("{|SOCK001:8192|}", "8192") + @"
class Channel
{
    public Channel(Socket socket) { Config = new Holder(socket); }
    public Holder Config { get; }
}
class User { Channel Open() => new Channel(new Socket(SocketType.Dgram, ProtocolType.Udp)); }");

        [Fact]
        public Task AFieldStoredFromAParameterOfMixedCallersIsUnknown() => Verify(Holder + @"
class User
{
    Holder A() => new Holder(new Socket(SocketType.Dgram, ProtocolType.Udp));
    Holder B() => new Holder(new Socket(SocketType.Stream, ProtocolType.Tcp));
}");

        [Fact]
        public Task AFieldStoredFromAParameterNeverPassedIsUnknown() => Verify(Holder);

        [Fact]
        public Task AFieldStoredFromAParameterAndCreatedUdpBesideIsUnknownWhenCallersPassTcp() => Verify(@"
public sealed class Holder
{
    private Socket _socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
    public void Attach(Socket socket) => _socket = socket;
    public void Tune() { _socket.SendBufferSize = {|SOCK002:8192|}; }
}
class User { void M(Holder h) => h.Attach(new Socket(SocketType.Stream, ProtocolType.Tcp)); }");
    }
}
