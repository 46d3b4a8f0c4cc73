using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Rules;
using static SocketBufferAnalyzers.Benchmarks.Statistics;

namespace SocketBufferAnalyzers.Benchmarks;

/// <summary>
/// <c>--scaling</c>: does the analyzer's cost grow linearly with the size of a method or of a chain of forwarders?
/// Each shape is generated at N and 4N; the analyzer's time at 4N divided by its time at N is about 4 when the cost is
/// linear and about 16 when it is quadratic. The compile time of the same source (median of the same number of runs) is
/// measured in the same run, so the analyzer/compile ratio at N and 4N shows whether the analyzer keeps pace.
/// </summary>
internal static class ScalingBenchmark
{
    /// <summary>One generated shape: its source at a given size and the diagnostics it must at least produce.</summary>
    private sealed record Shape(string Key, string Description, int N, Func<int, string> Source, Func<int, IReadOnlyDictionary<string, int>> AtLeast);

    private static readonly Shape[] Shapes =
    {
        new("a", "one method: N constant receive settings after a Connect on one socket", 1000, ConstantSettingsAfterConnect,
            n => new Dictionary<string, int> { ["SOCK001"] = n, ["SOCK004"] = n }),
        new("b", "one method: N sockets, each created, connected, then set from a local", 500, ConnectedSocketsFromLocals,
            n => new Dictionary<string, int> { ["SOCK001"] = n, ["SOCK004"] = n }),
        new("c", "one method, one block: N non-constant settings, each behind an early exit (if (v <= 0) return;)", 1000, GuardedByEarlyExits,
            _ => new Dictionary<string, int>()),
        new("d1", "N forwarder classes in chains of 8 (F0 -> ... -> F7 -> setter), each chain called once with a constant", 1000, ForwarderChains,
            n => new Dictionary<string, int> { ["SOCK001"] = n / ChainLength }),
        // The spec follows chains "of any depth"; the join stops at depth 8 (CrossMethodJoin.MaxDepth), so nothing is expected here.
        new("d3", "one chain of N forwarders (F0 -> F1 -> ... -> setter), one constant call at the outer end", 1000, ForwarderChain,
            _ => new Dictionary<string, int>()),
        new("d2", "one method: N calls with constants of one forwarder Set(Socket, int)", 1000, CallsOfOneForwarder,
            n => new Dictionary<string, int> { ["SOCK001"] = n }),
    };

    public static async Task<int> RunAsync(string[] args, string outPath)
    {
        var repetitions = IntOption(args, "--reps", 3);
        var scale = IntOption(args, "--n", 0);
        var only = StringOption(args, "--shapes")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var loadAtStart = LoadAverage();
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        // Warm-up: JIT the analyzer and the compiler on the smallest instance of every shape.
        foreach (var shape in Shapes)
        {
            var tree = CSharpSyntaxTree.ParseText(shape.Source(10), parseOptions, "/src/Warm.cs");
            await AnalyzeAsync(CSharpCompilation.Create("Warm", new[] { tree }, references, options));
        }

        var rows = new List<string>();
        var problems = new List<string>();
        foreach (var shape in Shapes.Where(s => only == null || only.Contains(s.Key)))
        {
            var baseSize = scale > 0 ? scale : shape.N;
            var sizes = new[] { baseSize, 4 * baseSize };
            var measured = new List<(int N, double Analyzer, double Minimum, double Wall, double Compile, double ExtraMB, string Found)>();
            foreach (var n in sizes)
            {
                var source = shape.Source(n);
                var tree = CSharpSyntaxTree.ParseText(source, parseOptions, "/src/Scaling.cs");
                CSharpCompilation Fresh() => CSharpCompilation.Create("Scaling", new[] { tree }, references, options);

                var errors = Fresh().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    problems.Add($"shape {shape.Key} at N={n} does not compile: {errors[0]}");
                    continue;
                }

                var compile = new List<double>();
                var analyzer = new List<double>();
                var wall = new List<double>();
                var extraMB = new List<double>();
                ImmutableArray<Diagnostic> diagnostics = default;
                for (var repetition = 0; repetition < repetitions; repetition++)
                {
                    Collect();
                    var compilation = Fresh();
                    _ = compilation.GetTypeByMetadataName("System.Object");
                    var compileAllocated = GC.GetTotalAllocatedBytes(precise: true);
                    var watch = Stopwatch.StartNew();
                    _ = compilation.GetDiagnostics();
                    compile.Add(watch.Elapsed.TotalMilliseconds);
                    compileAllocated = GC.GetTotalAllocatedBytes(precise: true) - compileAllocated;

                    Collect();
                    var result = await AnalyzeAsync(Fresh());
                    extraMB.Add((result.Allocated - compileAllocated) / 1024.0 / 1024.0);
                    analyzer.Add(result.Callbacks.TotalMilliseconds);
                    wall.Add(result.Wall.TotalMilliseconds);
                    diagnostics = result.Diagnostics;
                    Console.WriteLine($"  {shape.Key} N={n,5} rep {repetition + 1}: compile {compile[^1],8:F0} ms, analyzer callbacks {analyzer[^1],8:F1} ms, wall with analyzer {wall[^1],8:F0} ms, allocated beyond compile {extraMB[^1],7:F1} MB");
                }

                var byId = diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                foreach (var (id, count) in shape.AtLeast(n))
                {
                    if (!byId.TryGetValue(id, out var found) || found < count)
                    {
                        problems.Add($"shape {shape.Key} at N={n}: expected at least {count} {id}, found {found}");
                    }
                }

                measured.Add((n, Median(analyzer), analyzer.Min(), Median(wall), Median(compile), Median(extraMB), byId.Count == 0 ? "none" : string.Join(", ", byId.Select(p => $"{p.Key} {p.Value}"))));
            }

            if (measured.Count == 2)
            {
                var (small, large) = (measured[0], measured[1]);
                rows.Add($"| {shape.Key} | {shape.Description} | {small.N:N0} / {large.N:N0} | {small.Analyzer:F0} | {large.Analyzer:F0} | {large.Analyzer / small.Analyzer:F1} | {large.Minimum / small.Minimum:F1} | {small.ExtraMB:F0} / {large.ExtraMB:F0} ({large.ExtraMB / small.ExtraMB:F1}) | "
                    + $"{small.Compile:F0} / {large.Compile:F0} ({large.Compile / small.Compile:F1}) | {small.Analyzer / small.Compile:P0} / {large.Analyzer / large.Compile:P0} | {large.Found} |");
            }
        }

        var table = new StringBuilder();
        table.AppendLine($"Median of {repetitions} runs per size, fresh compilation per run, single-threaded compile and analysis; Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}.");
        table.AppendLine("Analyzer ms = `AnalyzerTelemetryInfo.ExecutionTime` (time in the analyzer's callbacks). Ratio 4N/N: about 4 is linear, about 16 quadratic.");
        table.AppendLine("The minimum of the runs is the least disturbed by other load; *allocated beyond compile* (bytes allocated by the analysed run minus the compile-only run of the same source, driver and operation trees included) does not depend on load at all.");
        table.AppendLine();
        table.AppendLine("| shape | what | N / 4N | analyzer ms at N | analyzer ms at 4N | ratio 4N/N | ratio of minima | MB allocated beyond compile N / 4N (ratio) | compile ms N / 4N (ratio) | analyzer/compile N / 4N | diagnostics at 4N |");
        table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            table.AppendLine(row);
        }

        Console.WriteLine();
        Console.Write(table);

        var report = new StringBuilder();
        report.AppendLine("# SocketBufferAnalyzers scaling benchmark: latest results");
        report.AppendLine();
        report.AppendLine($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine($"- Machine: {Environment.ProcessorCount} cores (nproc); {System.Runtime.InteropServices.RuntimeInformation.OSDescription}; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        report.AppendLine($"- Command: `dotnet run -c Release --project benchmarks/SocketBufferAnalyzers.Benchmarks -- {string.Join(' ', args)}`");
        report.AppendLine($"- Load average (1/5/15 min) at start: {loadAtStart}; at end: {LoadAverage()}");
        report.AppendLine();
        report.Append(table);
        if (problems.Count > 0)
        {
            report.AppendLine();
            report.AppendLine("INVALID RUN: " + string.Join("; ", problems));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        File.WriteAllText(outPath, report.ToString());
        Console.WriteLine($"Written to {outPath}");
        if (problems.Count > 0)
        {
            Console.Error.WriteLine("Benchmark invalid: " + string.Join("; ", problems));
            return 1;
        }

        return 0;
    }

    private static async Task<(TimeSpan Wall, TimeSpan Callbacks, long Allocated, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(Compilation compilation)
    {
        var analyzer = new SocketBufferAnalyzer();
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(exception);
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        _ = compilation.GetTypeByMetadataName("System.Object");
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        if (exceptions.Count > 0)
        {
            throw new InvalidOperationException("SocketBufferAnalyzer threw: " + exceptions[0]);
        }

        if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } ad0001)
        {
            throw new InvalidOperationException("SocketBufferAnalyzer failed: " + ad0001.GetMessage(CultureInfo.InvariantCulture));
        }

        return (watch.Elapsed, telemetry.ExecutionTime, allocated, diagnostics);
    }

    // ---------------------------------------------------------------- shapes

    private const string Usings = "using System;\nusing System.Net;\nusing System.Net.Sockets;\n\nnamespace Scaling;\n\n";

    /// <summary>(a) <c>socket.ReceiveBufferSize = 131072 + k</c> (above the 64 KiB clamp fixed at connect) N times after one Connect: SOCK001 and SOCK004 on each.</summary>
    private static string ConstantSettingsAfterConnect(int n)
    {
        var sb = new StringBuilder(Usings);
        sb.AppendLine("public static class Settings\n{\n    public static Socket Open(EndPoint endPoint)\n    {");
        sb.AppendLine("        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
        sb.AppendLine("        socket.Connect(endPoint);");
        for (var i = 0; i < n; i++)
        {
            sb.Append("        socket.ReceiveBufferSize = ").Append(131072 + (i % 8) * 1024).AppendLine(";");
        }

        sb.AppendLine("        return socket;\n    }\n}");
        return sb.ToString();
    }

    /// <summary>(b) N sockets, each created, connected and given a receive size from a local: SOCK001 and SOCK004 on each.</summary>
    private static string ConnectedSocketsFromLocals(int n)
    {
        var sb = new StringBuilder(Usings);
        sb.AppendLine("public static class Sockets\n{\n    public static int Open(EndPoint endPoint)\n    {");
        sb.AppendLine("        var total = 0;");
        for (var i = 0; i < n; i++)
        {
            sb.AppendLine($"        var socket{i} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
            sb.AppendLine($"        socket{i}.Connect(endPoint);");
            sb.AppendLine($"        var size{i} = {131072 + (i % 8) * 1024};");
            sb.AppendLine($"        socket{i}.ReceiveBufferSize = size{i};");
            sb.AppendLine($"        total += socket{i}.Available;");
        }

        sb.AppendLine("        return total;\n    }\n}");
        return sb.ToString();
    }

    /// <summary>(c) N configured (non-constant, non-parameter) values, each behind an early exit in one block: guarded, so nothing fires.</summary>
    private static string GuardedByEarlyExits(int n)
    {
        var sb = new StringBuilder(Usings);
        sb.AppendLine("public static class Configuration\n{\n    public static int Read(string key) => int.TryParse(Environment.GetEnvironmentVariable(key), out var value) ? value : 0;\n}\n");
        sb.AppendLine("public static class Guarded\n{\n    public static void Apply(Socket socket)\n    {");
        for (var i = 0; i < n; i++)
        {
            sb.AppendLine($"        var size{i} = Configuration.Read(\"SIZE_{i}\");");
            sb.AppendLine($"        if (size{i} <= 0) return;");
            sb.AppendLine($"        socket.{(i % 2 == 0 ? "ReceiveBufferSize" : "SendBufferSize")} = size{i};");
        }

        sb.AppendLine("    }\n}");
        return sb.ToString();
    }

    /// <summary>(d3) Forwarder<i>k</i>.Set(socket, size) calls Forwarder<i>k+1</i>.Set; the last sets the buffer; one call with 8192 at the outer end.</summary>
    private static string ForwarderChain(int n)
    {
        var sb = new StringBuilder(Usings);
        for (var i = 0; i < n - 1; i++)
        {
            sb.AppendLine($"internal static class Forwarder{i}\n{{\n    public static void Set(Socket socket, int size) => Forwarder{i + 1}.Set(socket, size);\n}}\n");
        }

        sb.AppendLine($"internal static class Forwarder{n - 1}\n{{\n    public static void Set(Socket socket, int size) => socket.ReceiveBufferSize = size;\n}}\n");
        sb.AppendLine("public static class Client\n{\n    public static Socket Open()\n    {");
        sb.AppendLine("        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
        sb.AppendLine("        Forwarder0.Set(socket, 8192);");
        sb.AppendLine("        return socket;\n    }\n}");
        return sb.ToString();
    }

    private const int ChainLength = 8;

    /// <summary>(d1) N forwarders in chains of <see cref="ChainLength"/>: Chain<i>c</i>Step<i>k</i>.Set calls Step<i>k+1</i>; the last sets the buffer; each chain called once with a constant.</summary>
    private static string ForwarderChains(int n)
    {
        var sb = new StringBuilder(Usings);
        var chains = n / ChainLength;
        for (var c = 0; c < chains; c++)
        {
            for (var k = 0; k < ChainLength - 1; k++)
            {
                sb.AppendLine($"internal static class Chain{c}Step{k}\n{{\n    public static void Set(Socket socket, int size) => Chain{c}Step{k + 1}.Set(socket, size);\n}}\n");
            }

            sb.AppendLine($"internal static class Chain{c}Step{ChainLength - 1}\n{{\n    public static void Set(Socket socket, int size) => socket.ReceiveBufferSize = size;\n}}\n");
        }

        sb.AppendLine("public static class ChainClients\n{\n    public static void Open(Socket socket)\n    {");
        for (var c = 0; c < chains; c++)
        {
            sb.AppendLine($"        Chain{c}Step0.Set(socket, {8192 + (c % 8) * 1024});");
        }

        sb.AppendLine("    }\n}");
        return sb.ToString();
    }

    /// <summary>(d2) One forwarder called N times with constants from one method: SOCK001 at each argument.</summary>
    private static string CallsOfOneForwarder(int n)
    {
        var sb = new StringBuilder(Usings);
        sb.AppendLine("internal static class Buffers\n{\n    public static void Set(Socket socket, int size) => socket.ReceiveBufferSize = size;\n}\n");
        sb.AppendLine("public static class Callers\n{\n    public static Socket Open()\n    {");
        sb.AppendLine("        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
        for (var i = 0; i < n; i++)
        {
            sb.Append("        Buffers.Set(socket, ").Append(8192 + (i % 8) * 1024).AppendLine(");");
        }

        sb.AppendLine("        return socket;\n    }\n}");
        return sb.ToString();
    }

    // ---------------------------------------------------------------- helpers

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
