namespace SocketBufferAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Inputs of <see cref="CrossMethodRobustnessTests"/>: forwarders in every form the spec names ("Across methods and
    /// types"), recursive and mutually recursive ones, and half-typed code around their calls. Written for this suite.
    /// </summary>
    internal static class CrossMethodSnippets
    {
        public static IReadOnlyList<(string Name, string Source)> All { get; } = new[]
        {
            ("SelfRecursiveForwarder", @"using System.Net.Sockets;

public static class Tuning
{
    // Forwards its size to itself a few times before applying it: the cycle must stop, the constant still arrives.
    private static void Apply(Socket socket, int size, int rounds)
    {
        if (rounds > 0)
        {
            Apply(socket, size, rounds - 1);
            return;
        }

        socket.ReceiveBufferSize = size;
    }

    public static Socket Open()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Apply(socket, 8192, 3);
        return socket;
    }
}
"),
            ("MutuallyRecursiveForwarders", @"using System.Net.Sockets;

public sealed class PingPong
{
    private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    private void Ping(int size, int depth)
    {
        if (depth > 0)
        {
            Pong(size, depth - 1);
        }
        else
        {
            _socket.ReceiveBufferSize = size;
        }
    }

    private void Pong(int size, int depth)
    {
        if (depth > 0)
        {
            Ping(size, depth - 1);
        }
        else
        {
            _socket.SendBufferSize = size;
        }
    }

    // Three members forwarding round a cycle, one of them through a local function.
    private void A(int size) => B(size);

    private void B(int size)
    {
        Local(size);
        void Local(int s) => C(s);
    }

    private void C(int size)
    {
        if (size > 0)
        {
            A(size);
        }

        _socket.ReceiveBufferSize = size;
    }

    public void Configure(int configured)
    {
        Ping(16384, 4);
        Pong(32768, 5);
        A(65536);
        Ping(configured, 2);
    }
}
"),
            ("PropertySetterChain", @"using System.Net.Sockets;

public sealed class Inner
{
    private readonly Socket _socket;

    public Inner(Socket socket) => _socket = socket;

    public int ReceiveBufferSize
    {
        get => _socket.ReceiveBufferSize;
        set => _socket.ReceiveBufferSize = value;
    }
}

public sealed class Middle
{
    private readonly Inner _inner;

    public Middle(Inner inner) => _inner = inner;

    public int ReceiveBufferSize
    {
        get => _inner.ReceiveBufferSize;
        set => _inner.ReceiveBufferSize = value;
    }

    // A property whose setter forwards to itself through the other accessor's owner: a cycle of properties.
    public int Echo
    {
        get => ReceiveBufferSize;
        set
        {
            if (value > 0)
            {
                ReceiveBufferSize = value;
            }
        }
    }

    public int this[int index]
    {
        get => index;
        set => Echo = value * 1024;
    }
}

public static class Users
{
    public static void Use(Socket socket)
    {
        var middle = new Middle(new Inner(socket)) { ReceiveBufferSize = 8192 };
        middle.Echo = 0;
        middle.Echo = 16384;
        middle[1] = 64;
    }
}
"),
            ("ConstructorChain", @"using System;
using System.Net.Sockets;

public class Channel
{
    protected Channel(Socket socket, int receive)
    {
        socket.ReceiveBufferSize = receive;
    }
}

public class BufferedChannel : Channel
{
    public BufferedChannel(Socket socket, int receive, int kib = 64)
        : base(socket, receive > 0 ? receive : kib * 1024)
    {
    }

    public BufferedChannel(Socket socket)
        : this(socket, 0)
    {
    }
}

public sealed record Session(Socket Socket, int Size)
{
    public Session(Socket socket)
        : this(socket, 32768)
    {
        Socket.SendBufferSize = Size;
    }
}

public static class Factory
{
    public static object Make(Socket socket, bool big)
    {
        Func<int, BufferedChannel> make = size => new BufferedChannel(socket, size);
        return big ? make(1 << 20) : new Session(socket);
    }
}
"),
            ("ForwardersOfEveryForm", @"using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

public sealed class TransportOptions
{
    public int ReceiveKiB { get; set; } = 128;

    public int? SendBytes { get; set; }
}

public sealed class Transport
{
    private readonly Socket _socket;
    private readonly TransportOptions _options;

    public Transport(TransportOptions options, int defaultSize = 1024 * 1024)
    {
        _options = options;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        SetReceive(_socket, options.ReceiveKiB > 0 ? options.ReceiveKiB * 1024 : defaultSize);
    }

    private static void SetReceive(Socket socket, int size) => SetReceiveGuarded(socket, size);

    private static void SetReceiveGuarded(Socket socket, int size)
    {
        if (size > 0)
        {
            socket.ReceiveBufferSize = size;
        }
    }

    public async Task ConnectAsync(EndPoint endPoint)
    {
        await _socket.ConnectAsync(endPoint).ConfigureAwait(false);
        Configure(_socket, _options.SendBytes ?? 65536);
        Action<int> later = size => _socket.SendBufferSize = size;
        later(4096);
    }

    private static void Configure(Socket socket, int send)
    {
        socket.SendBufferSize = send;
        socket.ReceiveBufferSize = send << 1;
    }

    public static Transport Udp(int size)
    {
        var transport = new Transport(new TransportOptions { ReceiveKiB = size / 1024 });
        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        SetReceive(udp, 8 * 1024 * 1024);
        return transport;
    }
}
"),
        };

        /// <summary>Code a user is in the middle of writing around forwarder calls: missing types, methods and arguments.</summary>
        public static IReadOnlyList<string> HalfTyped { get; } = new[]
        {
            // A forwarder whose socket type does not exist.
            @"public static class A { static void Set(MissingSocket s, int size) => s.ReceiveBufferSize = size; static void M() => Set(null, 8192); }",
            // A call of a forwarder that does not exist, and of one with the wrong number of arguments.
            @"using System.Net.Sockets;
public static class B { static void Set(Socket s, int size) => s.ReceiveBufferSize = size; static void M(Socket s) { Sett(s, 8192); Set(s); Set(s, 1, 2); Set(8192, s); } }",
            // Unresolved arguments and a forwarder whose parameter type is missing.
            @"using System.Net.Sockets;
public static class C { static void Set(Socket s, Size size) => s.ReceiveBufferSize = size; static void M(Socket s) { Set(s, unknown); Set(s, Options.Receive * 1024); Set(s, default); } }",
            // A declaration cut mid-expression inside a forwarder, then a caller.
            @"using System.Net.Sockets;
public static class D { static void Set(Socket s, int size) { s.ReceiveBufferSize = size * ; } static void M(Socket s) => Set(s, 8192",
            // Partial declarations cut mid-member, one of them forwarding.
            @"using System.Net.Sockets;
public partial class E { void Set(Socket s, int size) => s.ReceiveBufferSize = size; }
public partial class E { void M(Socket s) { Set(s, 16384); Set(s, this.",
            // A recursive forwarder with a missing base case and an unresolved recursive call.
            @"using System.Net.Sockets;
public static class F { static void Set(Socket s, int size) { Set(s, size); Sett(s, size); s.ReceiveBufferSize = size; } static void M(Socket s) { Set(s, 8192); Set(s, } }",
            // A constructor chain to a missing constructor and a property setter forwarding to a missing member.
            @"using System.Net.Sockets;
public class G { public G(Socket s, int size) : this(s, size, 0) { s.ReceiveBufferSize = size; } public int Size { set => Missing.ReceiveBufferSize = value; } static object M(Socket s) => new G(s, 8192) { Size = 4096 }; }",
            // A named argument that does not exist, a params forwarder and a ref forwarder.
            @"using System.Net.Sockets;
public static class H { static void Set(Socket s, params int[] sizes) => s.ReceiveBufferSize = sizes[0]; static void R(Socket s, ref int size) => s.ReceiveBufferSize = size; static void M(Socket s) { Set(s, 8192, 4096); var n = 8192; R(s, ref n); R(s, nope: 1); } }",
            // Option members written from themselves, from each other and in a lambda that calls itself through its local.
            @"using System; using System.Net.Sockets;
public class J { public int A { get; set; } = 8192; public int B; public J() : this(B) { } public J(int b) => B = b; void M(Socket s) { A = A * 2; B = A; A = B; s.ReceiveBufferSize = A; Action<int> f = null; f = n => { f(n); s.SendBufferSize = n; }; f(4096); Action<int> g = n => g(n); g(1); new J { A = } }",
            // A generic forwarder and a call with a lambda where the size should be.
            @"using System.Net.Sockets;
public static class I { static void Set<T>(Socket s, T size) where T : struct => s.ReceiveBufferSize = (int)(object)size; static void M(Socket s) { Set(s, 8192); Set<int>(s, () => 1); } }",
        };
    }
}
