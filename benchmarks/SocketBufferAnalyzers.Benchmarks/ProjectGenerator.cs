using System.Text;

namespace SocketBufferAnalyzers.Benchmarks;

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string Path, string Text, int Lines, bool HasSocketCode);

/// <summary>
/// A large synthetic C# project, the same for a given seed: ordinary business code (records, services, LINQ, async
/// methods, lambdas, loops, switch expressions, exceptions) with socket code in about 1% of the files, in the forms real
/// code uses (TcpClient initializers, SetSocketOption, an options class with guarded defaults, a UDP receiver, an
/// accept loop) and across methods and types (a private forwarder, a wrapper's forwarding setter, a constructor-parameter
/// default, a caller that connects and then calls the configuring method). <see cref="Expected"/> says which diagnostics the spec (docs: shared/spec/rules.md) asks for in it.
/// </summary>
internal sealed class ProjectGenerator
{
    private const int SocketTemplates = 9;

    private readonly Random _random;
    private readonly int _files;
    private readonly int _socketEvery;

    public ProjectGenerator(int files, int seed, int socketEvery = 100)
    {
        _files = files;
        _random = new Random(seed);
        _socketEvery = socketEvery;
    }

    /// <summary>Diagnostics the spec asks for in the generated socket code, per rule id (the default profile: Linux 6.1).</summary>
    public Dictionary<string, int> Expected { get; } = new(StringComparer.Ordinal);

    public List<GeneratedFile> Generate()
    {
        var files = new List<GeneratedFile>(_files);
        var socketIndex = 0;
        for (var i = 0; i < _files; i++)
        {
            var socket = i % _socketEvery == _socketEvery / 2;
            var text = socket ? SocketFile(i, socketIndex++ % SocketTemplates) : BusinessFile(i);
            files.Add(new GeneratedFile($"/src/Module{i / 50}/File{i}.cs", text, CountLines(text), socket));
        }

        return files;
    }

    private static int CountLines(string text)
    {
        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }

    private void Expect(string id, int count = 1) => Expected[id] = Expected.TryGetValue(id, out var n) ? n + count : count;

    private static string Namespace(int i) => "Contoso.Module" + (i / 50);

    private static string Header(int i) => $@"// Synthetic source file {i} of the analyzer benchmark: ordinary user code, not generated code.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace {Namespace(i)};
";

    // ---------------------------------------------------------------- business code

    private string BusinessFile(int i)
    {
        var sb = new StringBuilder(Header(i));
        AppendEntity(sb, i);
        AppendService(sb, i, methods: 5 + _random.Next(2));
        return sb.ToString();
    }

    private static void AppendEntity(StringBuilder sb, int i)
    {
        sb.Append($@"
public sealed record Order{i}(int Id, string Customer, decimal Amount, DateTime Created, IReadOnlyList<string> Tags)
{{
    public bool IsLarge => Amount > {1000 + i % 997}m;

    public int TagCount => Tags.Count;
}}

public interface IOrder{i}Repository
{{
    Task<IReadOnlyList<Order{i}>> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(Order{i} order, CancellationToken cancellationToken);
}}
");
    }

    private void AppendService(StringBuilder sb, int i, int methods)
    {
        sb.Append($@"
public sealed class Order{i}Service
{{
    private readonly IOrder{i}Repository _repository;
    private readonly Dictionary<string, decimal> _totals = new(StringComparer.Ordinal);
    private readonly List<string> _log = new();
    private int _processed;

    public Order{i}Service(IOrder{i}Repository repository)
    {{
        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
    }}

    public int RetryCount {{ get; set; }} = {2 + i % 4};

    public TimeSpan Timeout {{ get; init; }} = TimeSpan.FromSeconds({5 + i % 30});

    public int Processed => _processed;
");
        // Every service has Histogram: later files call it across modules.
        AppendBusinessMethod(sb, i, 5);
        var used = new HashSet<int> { 5 };
        while (used.Count < methods)
        {
            var m = _random.Next(BusinessMethods);
            if (used.Add(m))
            {
                AppendBusinessMethod(sb, i, m);
            }
        }

        sb.Append("}\n");
    }

    private const int BusinessMethods = 12;

    private void AppendBusinessMethod(StringBuilder sb, int i, int m)
    {
        var other = _random.Next(Math.Max(1, i)); // an earlier file: cross-file references
        var k = _random.Next(2, 50);
        switch (m)
        {
            case 0:
                sb.Append($@"
    public async Task<decimal> TotalForAsync(string customer, CancellationToken cancellationToken)
    {{
        var orders = await _repository.LoadAsync(cancellationToken).ConfigureAwait(false);
        return orders.Where(o => o.Customer == customer && !o.IsLarge).Sum(o => o.Amount);
    }}
");
                break;
            case 1:
                sb.Append($@"
    public IEnumerable<IGrouping<string, Order{i}>> ByCustomer(IEnumerable<Order{i}> orders) =>
        orders.Where(o => o.Amount > {k}m).OrderByDescending(o => o.Created).ThenBy(o => o.Id).GroupBy(o => o.Customer);
");
                break;
            case 2:
                sb.Append($@"
    public int Process(IReadOnlyList<Order{i}> orders)
    {{
        var count = 0;
        for (var index = 0; index < orders.Count; index++)
        {{
            var order = orders[index];
            if (order.Amount <= 0)
            {{
                continue;
            }}

            _totals[order.Customer] = _totals.TryGetValue(order.Customer, out var total) ? total + order.Amount : order.Amount;
            count++;
        }}

        _processed += count;
        return count;
    }}
");
                break;
            case 3:
                sb.Append($@"
    public string Describe(Order{i} order) => order switch
    {{
        {{ IsLarge: true }} => $""large order {{order.Id}} for {{order.Customer}}"",
        {{ Amount: 0 }} => ""empty"",
        {{ Tags.Count: > {k % 5 + 1} }} => string.Join("","", order.Tags.Take({k % 7 + 1})),
        _ => order.ToString(),
    }};
");
                break;
            case 4:
                sb.Append($@"
    public async Task<int> RetryAsync(Func<CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {{
        for (var attempt = 1; ; attempt++)
        {{
            try
            {{
                return await action(cancellationToken).ConfigureAwait(false);
            }}
            catch (InvalidOperationException exception) when (attempt < RetryCount)
            {{
                _log.Add($""attempt {{attempt}} failed: {{exception.Message}}"");
                await Task.Delay(TimeSpan.FromMilliseconds({k} * attempt), cancellationToken).ConfigureAwait(false);
            }}
        }}
    }}
");
                break;
            case 5:
                sb.Append($@"
    public static List<int> Histogram(IEnumerable<Order{i}> orders, int buckets)
    {{
        var result = new List<int>(new int[buckets]);
        foreach (var order in orders)
        {{
            var index = (int)Math.Min(buckets - 1, Math.Abs(order.Amount) / {k * 10}m);
            result[index]++;
        }}

        return result;
    }}
");
                break;
            case 6:
                sb.Append($@"
    public async Task SaveAllAsync(IEnumerable<Order{i}> orders, CancellationToken cancellationToken)
    {{
        var tasks = orders
            .Where(o => !string.IsNullOrWhiteSpace(o.Customer))
            .Select(o => o with {{ Customer = o.Customer.Trim(), Tags = o.Tags.Distinct().ToList() }})
            .Select(o => _repository.SaveAsync(o, cancellationToken));
        await Task.WhenAll(tasks).ConfigureAwait(false);
        _log.Add(""saved"");
    }}
");
                break;
            case 7:
                sb.Append($@"
    public Dictionary<string, (int Count, decimal Sum)> Summary(IEnumerable<Order{i}> orders)
    {{
        var summary = new Dictionary<string, (int Count, decimal Sum)>();
        foreach (var group in orders.GroupBy(o => o.Customer.ToUpperInvariant()))
        {{
            var items = group.ToList();
            summary[group.Key] = (items.Count, items.Aggregate(0m, (acc, o) => acc + o.Amount));
        }}

        return summary;
    }}
");
                break;
            case 8:
                sb.Append($@"
    public string Report(IReadOnlyCollection<Order{i}> orders)
    {{
        var builder = new StringBuilder();
        builder.AppendLine($""{{orders.Count}} orders, {{_processed}} processed"");
        var i = 0;
        while (i < orders.Count && i < {k})
        {{
            var order = orders.ElementAt(i);
            builder.Append(order.Id).Append(';').Append(order.Customer).Append(';').AppendLine(order.Amount.ToString(""F2""));
            i++;
        }}

        return builder.ToString();
    }}
");
                break;
            case 9:
                sb.Append($@"
    public IEnumerable<Order{i}> Recent(IEnumerable<Order{i}> orders, DateTime now)
    {{
        Func<Order{i}, bool> isRecent = o => now - o.Created < TimeSpan.FromDays({k});
        foreach (var order in orders)
        {{
            if (isRecent(order) && Validate(order))
            {{
                yield return order;
            }}
        }}

        static bool Validate(Order{i} candidate) => candidate.Id > 0 && candidate.Tags != null;
    }}
");
                break;
            case 10:
                sb.Append($@"
    public int CrossModule(IEnumerable<{Namespace(other)}.Order{other}> others)
    {{
        var histogram = {Namespace(other)}.Order{other}Service.Histogram(others, {k % 9 + 2});
        var largest = histogram.Count == 0 ? 0 : histogram.Max();
        var lookup = others.ToLookup(o => o.Customer, o => o.Id);
        return largest + lookup.Count + histogram.Select((value, index) => value * index).Sum();
    }}

    public static int SharedHistogramSize(IEnumerable<Order{i}> orders) => Histogram(orders, {k % 9 + 2}).Count;
");
                break;
            default:
                sb.Append($@"
    public async IAsyncEnumerable<decimal> StreamTotalsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {{
        var orders = await _repository.LoadAsync(cancellationToken).ConfigureAwait(false);
        var running = 0m;
        foreach (var order in orders.OrderBy(o => o.Created))
        {{
            running += order.Amount;
            if (running > {k * 100}m)
            {{
                running = 0m;
            }}

            yield return running;
        }}
    }}
");
                break;
        }
    }

    // ---------------------------------------------------------------- socket code (about 1% of the files)

    private string SocketFile(int i, int template)
    {
        var sb = new StringBuilder(Header(i));
        switch (template)
        {
            case 0:
                // TcpClient initializers: a fixed receive and send size (SOCK001, SOCK002), and one with no size.
                sb.Append($@"
public sealed class QuoteFeed{i}
{{
    private const int ReceiveBuffer = 64 * 1024;

    public TcpClient Open(string host, int port)
    {{
        var client = new TcpClient
        {{
            ReceiveBufferSize = ReceiveBuffer,
            SendBufferSize = 32 * 1024,
            NoDelay = true,
        }};
        client.Connect(host, port);
        return client;
    }}

    public TcpClient OpenDefault() => new TcpClient {{ NoDelay = true, LingerState = new LingerOption(true, 1) }};
}}
");
                Expect("SOCK001");
                Expect("SOCK002");
                break;
            case 1:
                // Socket.SetSocketOption: the receive buffer (SOCK001) beside options that are not buffers.
                sb.Append($@"
public static class Connections{i}
{{
    public static Socket Connect(EndPoint endPoint, bool keepAlive)
    {{
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 128 * 1024);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, keepAlive);
        socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, 1);
        socket.Connect(endPoint);
        return socket;
    }}
}}
");
                Expect("SOCK001");
                break;
            case 2:
                // An options class whose default reaches the setter through a guard (SOCK007); the send default is 0.
                sb.Append($@"
public sealed class Connector{i}Options
{{
    public int ReceiveBufferSize {{ get; set; }} = 32 * 1024;

    public int SendBufferSize {{ get; set; }}

    public TimeSpan ConnectTimeout {{ get; set; }} = TimeSpan.FromSeconds(5);
}}

public sealed class Connector{i}
{{
    private readonly Connector{i}Options _options;

    public Connector{i}(Connector{i}Options options) => _options = options;

    public async Task<Socket> OpenAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {{
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        if (_options.ReceiveBufferSize > 0)
        {{
            socket.ReceiveBufferSize = _options.ReceiveBufferSize;
        }}

        if (_options.SendBufferSize > 0)
        {{
            socket.SendBufferSize = _options.SendBufferSize;
        }}

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
        return socket;
    }}
}}
");
                Expect("SOCK007");
                break;
            case 3:
                // A UDP receiver: no TCP rule, but 4 MiB is above rmem_max (SOCK003).
                sb.Append($@"
public sealed class Telemetry{i}Receiver : IDisposable
{{
    private readonly UdpClient _udp;

    public Telemetry{i}Receiver(int port)
    {{
        _udp = new UdpClient(port);
        _udp.Client.ReceiveBufferSize = 4 * 1024 * 1024;
    }}

    public async Task<int> PumpAsync(Func<byte[], Task> handle, CancellationToken cancellationToken)
    {{
        var count = 0;
        while (!cancellationToken.IsCancellationRequested)
        {{
            var result = await _udp.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            await handle(result.Buffer).ConfigureAwait(false);
            count++;
        }}

        return count;
    }}

    public void Dispose() => _udp.Dispose();
}}
");
                Expect("SOCK003");
                break;
            case 5:
                // A private forwarder (docs: rules.md, "Across methods and types"): its own setting is plumbing; the constant
                // at the call is the setting (SOCK001 at the argument); a guarded configured value passes through silently.
                sb.Append($@"
public static class Dialer{i}
{{
    private static void ApplyReceive(Socket socket, int size) => socket.ReceiveBufferSize = size;

    public static Socket Dial(EndPoint endPoint, int configured)
    {{
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        ApplyReceive(socket, 48 * 1024);
        if (configured > 0)
        {{
            ApplyReceive(socket, configured);
        }}

        socket.Connect(endPoint);
        return socket;
    }}
}}
");
                Expect("SOCK001");
                break;
            case 6:
                // A wrapper whose setter forwards value to its socket: silent; the caller's constant gets SOCK002.
                sb.Append($@"
public sealed class Channel{i} : IDisposable
{{
    private readonly Socket _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public int SendBufferSize
    {{
        get => _socket.SendBufferSize;
        set => _socket.SendBufferSize = value;
    }}

    public void Dispose() => _socket.Dispose();
}}

public static class Channel{i}Factory
{{
    public static Channel{i} Create() => new Channel{i} {{ SendBufferSize = 32 * 1024 }};
}}
");
                Expect("SOCK002");
                break;
            case 7:
                // A constructor-parameter default stored in a field and applied to the socket: a shipped default (SOCK007).
                sb.Append($@"
public sealed class Listener{i}
{{
    private readonly int _receiveBuffer;

    public Listener{i}(int receiveBuffer = 128 * 1024)
    {{
        _receiveBuffer = receiveBuffer;
    }}

    public Socket Bind(EndPoint endPoint)
    {{
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (_receiveBuffer > 0)
        {{
            socket.ReceiveBufferSize = _receiveBuffer;
        }}

        socket.Bind(endPoint);
        socket.Listen(100);
        return socket;
    }}
}}
");
                Expect("SOCK007");
                break;
            case 8:
                // A caller that connects, then calls the member that sets the receive buffer: SOCK001 and SOCK004 (caller named).
                sb.Append($@"
public static class LateTuning{i}
{{
    public static Socket Open(EndPoint endPoint)
    {{
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(endPoint);
        Tune(socket);
        return socket;
    }}

    private static void Tune(Socket socket)
    {{
        socket.ReceiveBufferSize = 128 * 1024;
        socket.NoDelay = true;
    }}
}}
");
                Expect("SOCK001");
                Expect("SOCK004");
                break;
            default:
                // An accept loop: the listener's receive buffer (SOCK001) and the accepted client's send buffer (SOCK002).
                sb.Append($@"
public sealed class Echo{i}Server
{{
    public async Task RunAsync(int port, CancellationToken cancellationToken)
    {{
        var listener = new TcpListener(IPAddress.Any, port);
        listener.Server.ReceiveBufferSize = 128 * 1024;
        listener.Start();
        try
        {{
            while (!cancellationToken.IsCancellationRequested)
            {{
                var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                client.SendBufferSize = 64 * 1024;
                client.NoDelay = true;
                _ = Task.Run(() => ServeAsync(client, cancellationToken), cancellationToken);
            }}
        }}
        finally
        {{
            listener.Stop();
        }}
    }}

    private static async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {{
        using (client)
        {{
            var stream = client.GetStream();
            var buffer = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {{
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }}
        }}
    }}
}}
");
                Expect("SOCK001");
                Expect("SOCK002");
                break;
        }

        // The rest of the file is ordinary code, as in a real project.
        AppendEntity(sb, i);
        AppendService(sb, i, methods: 4);
        return sb.ToString();
    }
}
