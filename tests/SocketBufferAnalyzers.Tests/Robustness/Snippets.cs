namespace SocketBufferAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Realistic socket code for the robustness suite, used beside the shared corpus (tests/SocketBufferAnalyzers.Tests/Corpus).
    /// Plain code, no markup: the robustness suite checks that nothing throws, not which diagnostics appear
    /// (the rule tests do that). Every snippet here compiles as it is (a test checks it), so fixed code must compile too.
    /// </summary>
    internal static class Snippets
    {
        /// <summary>Name, source, output kind.</summary>
        public static readonly (string Name, string Source, bool TopLevel)[] All =
        {
            ("TcpClientInitializers", @"
using System.Net.Sockets;

public sealed class QuoteFeed
{
    private const int ReceiveBuffer = 64 * 1024;

    public TcpClient Open(string host, int port)
    {
        // Tuned for the old data centre.
        var client = new TcpClient
        {
            ReceiveBufferSize = ReceiveBuffer, // for speed
            SendBufferSize = 32 * 1024,
            NoDelay = true,
        };
        client.Connect(host, port);
        client.ReceiveBufferSize *= 2;
        client.SendBufferSize += 4096;
        return client;
    }

    public TcpClient OpenSmall() => new TcpClient { ReceiveBufferSize = 8192 };

    public TcpClient OpenTargetTyped()
    {
        TcpClient client = new() { SendBufferSize = 16384, ReceiveBufferSize = 16384 };
        return client;
    }
}
", false),
            ("SetSocketOptionForms", @"
using System;
using System.Net;
using System.Net.Sockets;

public static class Connections
{
    private static class Sizes { public const int Receive = 16 * 1024; }

    public static Socket Connect(EndPoint endPoint, bool keepAlive, int configured)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 128 * 1024);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, (object)65536);
        socket.SetSocketOption(optionValue: Sizes.Receive, optionName: SocketOptionName.ReceiveBuffer, optionLevel: SocketOptionLevel.Socket);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, keepAlive);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, 1);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, configured);
        socket.SetRawSocketOption(1, 8, BitConverter.GetBytes(8192));
        socket.SetRawSocketOption(1, 32, BitConverter.GetBytes(1 << 20));
        socket.SetRawSocketOption(1, 7, new byte[] { 0, 32, 0, 0 });
        socket.Connect(endPoint);
        socket.ReceiveBufferSize = 131072;
        return socket;
    }
}
", false),
            ("OptionsClassWithGuardedDefaults", @"
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

public class ConnectorOptions
{
    protected int socketRecvBuffer = 32 * 1024;
    public int ReceiveBufferSize { get; set; } = 32 * 1024;
    public int SendBufferSize { get; set; }
    public int? KernelBuffer { get; set; } = 65536;
    public static int SharedDefault = 1 << 16;
    public int RecvBuffer => socketRecvBuffer;
}

public sealed class Connector
{
    private readonly ConnectorOptions _options;
    private readonly Socket _socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

    public Connector(ConnectorOptions options) => _options = options;

    public async Task<Socket> OpenAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        if (_options.ReceiveBufferSize > 0)
        {
            _socket.ReceiveBufferSize = _options.ReceiveBufferSize;
        }

        if (_options.SendBufferSize != 0) _socket.SendBufferSize = _options.SendBufferSize;
        if (_options.KernelBuffer.HasValue) _socket.ReceiveBufferSize = _options.KernelBuffer.Value;
        if (_options.KernelBuffer is int size) _socket.SendBufferSize = size;
        _socket.ReceiveBufferSize = ConnectorOptions.SharedDefault;
        _socket.SendBufferSize = _options.RecvBuffer;
        await _socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        return _socket;
    }
}
", false),
            ("UdpReceiver", @"
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class TelemetryReceiver : IDisposable
{
    private readonly UdpClient _udp;
    private readonly Socket _raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public TelemetryReceiver(int port)
    {
        _udp = new UdpClient(port);
        _udp.Client.ReceiveBufferSize = 4 * 1024 * 1024;
        _udp.Client.SendBufferSize = 0;
        _raw.ReceiveBufferSize = 128 * 1024;
        _raw.Bind(new IPEndPoint(IPAddress.Loopback, port + 1));
    }

    public async Task<int> PumpAsync(Func<byte[], Task> handle, CancellationToken cancellationToken)
    {
        var count = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await _udp.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            await handle(result.Buffer).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    public void Dispose()
    {
        _udp.Dispose();
        _raw.Dispose();
    }
}
", false),
            ("AcceptLoops", @"
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class EchoServer
{
    private readonly TcpListener _listener = new TcpListener(IPAddress.Any, 0);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _listener.Server.ReceiveBufferSize = 128 * 1024;
        _listener.Start();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                client.ReceiveBufferSize = 256 * 1024;
                client.SendBufferSize = 64 * 1024;
                client.NoDelay = true;
                _ = Task.Run(() => ServeAsync(client, cancellationToken), cancellationToken);
            }
        }
        finally
        {
            _listener.Stop();
        }
    }

    public void RunRaw(Socket listener, int size)
    {
        listener.Listen(100);
        for (var i = 0; i < 10; i++)
        {
            using var accepted = listener.Accept();
            accepted.ReceiveBufferSize = size;
            accepted.ReceiveBufferSize = 65536;
            var args = new SocketAsyncEventArgs();
            if (args.AcceptSocket != null) args.AcceptSocket.ReceiveBufferSize = 8192;
        }

        listener.BeginAccept(ar =>
        {
            var s = listener.EndAccept(ar);
            s.ReceiveBufferSize = 32768;
        }, null);
    }

    private static async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            var stream = client.GetStream();
            var buffer = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
", false),
            ("ConnectThenSet", @"
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

public static class Late
{
    public static void Connected(string host, int port, bool again)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(host, port);
        socket.ReceiveBufferSize = 131072;
        if (again)
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        }

        socket.ReceiveBufferSize = 65536;
        var client = new TcpClient(host, port);
        client.ReceiveBufferSize = 1 << 17;
        var other = new TcpClient();
        other.Connect(host, port);
        other.Client.ReceiveBufferSize = 262144;
    }

    public static async Task LoopAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        for (var i = 0; i < 3; i++)
        {
            socket.ReceiveBufferSize = 1 << (14 + i);
            await socket.ConnectAsync(endPoint);
        }

        switch (endPoint.Port)
        {
            case 1:
                socket.ReceiveBufferSize = 8192;
                break;
            default:
                socket.SendBufferSize = 8192;
                break;
        }
    }
}
", false),
            ("TopLevelStatements", @"
using System.Net.Sockets;

var client = new TcpClient();
client.ReceiveBufferSize = 8192;
client.NoDelay = true;
if (args.Length > 0) client.SendBufferSize = 4096;
Local(client.Client);
var make = () => new TcpClient { ReceiveBufferSize = 16384 };
make().Dispose();

static void Local(Socket socket)
{
    socket.SendBufferSize = 32768;
}
", true),
            ("RecordsLocalFunctionsLambdas", @"
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;

public sealed record Endpoint(string Host, int Port, int ReceiveBuffer = 65536)
{
    public TcpClient Open()
    {
        var client = new TcpClient { ReceiveBufferSize = ReceiveBuffer };
        Configure(client.Client);
        return client;

        void Configure(Socket socket)
        {
            socket.SendBufferSize = 65536;
            Action<int> set = size => socket.ReceiveBufferSize = size;
            set(8192);
            Func<Socket, Socket> tune = s => { s.ReceiveBufferSize = 4096; return s; };
            tune(socket);
        }
    }
}

public record struct Tuning(int Receive, int Send)
{
    public void Apply(Socket socket)
    {
        socket.ReceiveBufferSize = Receive;
        socket.SendBufferSize = Send;
    }
}

public static class Pool
{
    public static List<Socket> Make(int count) => Enumerable.Range(0, count)
        .Select(_ => new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 8192, SendBufferSize = 8192 })
        .ToList();

    public static IEnumerable<Socket> Lazy(IEnumerable<Socket> sockets)
    {
        foreach (var socket in sockets)
        {
            socket.ReceiveBufferSize = 16384;
            yield return socket;
        }
    }
}
", false),
            ("HugeAndOverflowingConstants", @"
using System;
using System.Net.Sockets;

public static class Huge
{
    private const long Big = 1L << 40;
    private const uint Unsigned = uint.MaxValue;

    public static void Set(Socket socket, TcpClient client)
    {
        socket.ReceiveBufferSize = int.MaxValue;
        socket.SendBufferSize = int.MinValue;
        socket.ReceiveBufferSize = unchecked((int)Big);
        socket.SendBufferSize = unchecked((int)Unsigned);
        socket.ReceiveBufferSize = 1 << 31;
        socket.SendBufferSize = unchecked(-int.MinValue);
        socket.ReceiveBufferSize = unchecked(int.MaxValue + 1);
        socket.SendBufferSize = checked((int)(Big >> 20));
        socket.ReceiveBufferSize = (int)(long)int.MaxValue;
        socket.SendBufferSize = unchecked((int)0xFFFFFFFF);
        socket.ReceiveBufferSize = 0;
        socket.SendBufferSize = -1;
        socket.ReceiveBufferSize = 1;
        socket.ReceiveBufferSize = 'A';
        socket.ReceiveBufferSize = (int)1e9;
        socket.ReceiveBufferSize = (int)(decimal)1234.5m;
        socket.ReceiveBufferSize = unchecked((int)ulong.MaxValue);
        socket.ReceiveBufferSize = 1 << 33;
        socket.ReceiveBufferSize = 1 << -1;
        socket.ReceiveBufferSize = (int)SocketOptionName.ReceiveBuffer;
        client.ReceiveBufferSize *= int.MaxValue;
        client.ReceiveBufferSize <<= 40;
        client.SendBufferSize -= int.MinValue + 1;
        client.SendBufferSize /= -1;
        client.SendBufferSize %= 7;
        client.ReceiveBufferSize >>= 31;
        client.ReceiveBufferSize >>>= 1;
        client.ReceiveBufferSize ^= 0x7fffffff;
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, (object)long.MaxValue);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, (object)ulong.MaxValue);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, (object)""8192"");
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, (object)null!);
        socket.SetSocketOption(SocketOptionLevel.Socket, (SocketOptionName)int.MaxValue, 8192);
        socket.SetSocketOption((SocketOptionLevel)(-1), SocketOptionName.ReceiveBuffer, 8192);
        socket.SetRawSocketOption(int.MaxValue, int.MinValue, BitConverter.GetBytes(int.MaxValue));
        socket.SetRawSocketOption(1, 8, BitConverter.GetBytes(long.MaxValue));
        socket.SetRawSocketOption(1, 8, ReadOnlySpan<byte>.Empty);
        int size = int.MaxValue;
        socket.ReceiveBufferSize = size;
        int twice = 1;
        twice = 2;
        socket.ReceiveBufferSize = twice;
    }
}
", false),
            ("DynamicPatternReflection", @"
using System;
using System.Net.Sockets;
using System.Reflection;

public static class Indirect
{
    public static void Dynamic(dynamic socket, object boxed)
    {
        socket.ReceiveBufferSize = 8192;
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 8192);
        ((dynamic)boxed).SendBufferSize = 4096;
        Socket typed = socket;
        typed.ReceiveBufferSize = socket.Size;
        dynamic size = 8192;
        typed.SendBufferSize = size;
        typed.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, size);
    }

    public static void Patterns(object value)
    {
        if (value is Socket { ReceiveBufferSize: > 0 } socket)
        {
            socket.ReceiveBufferSize = 8192;
        }

        var client = value as TcpClient;
        if (client is not null && client.Client is { } inner) inner.SendBufferSize = 8192;
        _ = value switch
        {
            TcpClient c when (c.ReceiveBufferSize = 4096) > 0 => 1,
            Socket s => s.SendBufferSize = 16384,
            _ => 0,
        };
        (client!.ReceiveBufferSize, client.SendBufferSize) = (8192, 8192);
        client.ReceiveBufferSize = client.SendBufferSize = 16384;
        ref int local = ref Unsafe(ref client);
        local = 5;
    }

    private static ref int Unsafe(ref TcpClient client) => ref System.Runtime.CompilerServices.Unsafe.NullRef<int>();

    public static void Reflection(Socket socket)
    {
        typeof(Socket).GetProperty(nameof(Socket.ReceiveBufferSize))!.SetValue(socket, 8192);
        socket.GetType().InvokeMember(""SendBufferSize"", BindingFlags.SetProperty, null, socket, new object[] { 8192 });
        var setter = typeof(Socket).GetMethod(""SetSocketOption"", new[] { typeof(SocketOptionLevel), typeof(SocketOptionName), typeof(int) });
        setter!.Invoke(socket, new object[] { SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 8192 });
        Action<Socket, int> viaDelegate = (s, v) => s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, v);
        viaDelegate(socket, 8192);
        var method = (Action<SocketOptionLevel, SocketOptionName, int>)socket.SetSocketOption;
        method(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 8192);
    }
}
", false),
            ("LookAlikesAndDerived", @"
using System;
using System.Net.Sockets;

namespace Fake
{
    public class Socket
    {
        public int ReceiveBufferSize { get; set; }
        public void SetSocketOption(SocketOptionLevel level, SocketOptionName name, int value) { }
        public static void SetRawSocketOption(int a, int b, int c) { }
    }

    public static class Extensions
    {
        public static void SetSocketOption(this System.Net.Sockets.Socket socket, int level, int name, long value) { }
        public static void SetRawSocketOption(this System.Net.Sockets.Socket socket, int level, int name, int value) { }
    }

    public sealed class MySocket : System.Net.Sockets.Socket
    {
        public MySocket() : base(SocketType.Stream, ProtocolType.Tcp)
        {
            base.ReceiveBufferSize = 8192;
            ReceiveBufferSize = 8192;
            this.SendBufferSize = 8192;
            SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 8192);
        }

        public new int SendBufferSize { get => base.SendBufferSize; set => base.SendBufferSize = value; }
    }

    public class MyClient : TcpClient
    {
        public MyClient() { ReceiveBufferSize = 8192; Active = false; Client.SendBufferSize = 1024; }
    }

    public static class Use
    {
        public static void Run(Socket fake, System.Net.Sockets.Socket real)
        {
            fake.ReceiveBufferSize = 8192;
            fake.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 8192);
            Socket.SetRawSocketOption(1, 8, 8192);
            real.SetSocketOption(0xffff, 0x1002, 8192L);
            real.SetRawSocketOption(1, 8, 8192);
            var mine = new MySocket { ReceiveBufferSize = 4096, SendBufferSize = 4096 };
            var client = new MyClient { ReceiveBufferSize = 4096 };
            client.Client.ReceiveBufferSize = 4096;
        }
    }
}
", false),
            ("FieldsAndProperties", @"
using System.Net.Sockets;

public class Holder
{
    private static readonly Socket Shared = new Socket(SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1 << 20 };
    private readonly Socket _tcp = new Socket(SocketType.Stream, ProtocolType.Tcp);
    private Socket _either;
    private Socket? _maybe;
    public Socket Prop { get; set; } = new Socket(SocketType.Stream, ProtocolType.Tcp);
    public Socket this[int index] { get => _tcp; set => value.ReceiveBufferSize = index; }
    public int Size { get; } = 8192;

    public Holder(bool udp)
    {
        _either = udp ? new Socket(SocketType.Dgram, ProtocolType.Udp) : new Socket(SocketType.Stream, ProtocolType.Tcp);
        _either.ReceiveBufferSize = 65536;
        _tcp.ReceiveBufferSize = Size;
        Prop.SendBufferSize = 8192;
        Shared.SendBufferSize = 8192;
        (_maybe ??= new Socket(SocketType.Stream, ProtocolType.Tcp)).ReceiveBufferSize = 8192;
        _maybe?.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 8192);
        this[8192] = _tcp;
    }

    ~Holder() { _tcp.ReceiveBufferSize = 1; }

    public static implicit operator Socket(Holder holder) { holder._tcp.SendBufferSize = 2048; return holder._tcp; }

    public event System.EventHandler? Changed { add { _tcp.ReceiveBufferSize = 4096; } remove { } }
}
", false),
        };

        /// <summary>A partial class across two files: the field is created in one and its buffer set in the other.</summary>
        public static readonly (string Name, string Source)[] PartialAcrossFiles =
        {
            ("Connection.Create.cs", @"
using System.Net.Sockets;

public partial class Connection
{
    private readonly Socket _socket = new Socket(SocketType.Dgram, ProtocolType.Udp);
    private TcpClient _client = new TcpClient();
    partial void OnOpened(int size);
    public partial int Configure(int size);
}
"),
            ("Connection.Tune.cs", @"
using System.Net.Sockets;

public partial class Connection
{
    public void Open()
    {
        _socket.ReceiveBufferSize = 8192;
        _client.ReceiveBufferSize = 8192;
        OnOpened(65536);
    }

    partial void OnOpened(int size) => _client.Client.SendBufferSize = 16384;

    public partial int Configure(int size) => _client.SendBufferSize = 32768;
}
"),
        };
    }
}
