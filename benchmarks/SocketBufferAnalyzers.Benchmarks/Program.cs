using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Benchmarks;
using SocketBufferAnalyzers.Rules;
using static SocketBufferAnalyzers.Benchmarks.Statistics;

// Usage: dotnet run -c Release --project benchmarks/SocketBufferAnalyzers.Benchmarks [-- --files 2000 --reps 5 --seed 42 --concurrent --out PATH]
// Profiling one analyzer alone: [-- --profile ours|null|reference]
// This build against another build of the analyzer (an older commit's SocketBufferAnalyzers.dll): [-- --compare PATH --reps 8] (results/compare.md)
// Growth with the size of a method or a forwarder chain: [-- --scaling --reps 3 --shapes a,b,c,d1,d2,d3 --n N] (results/scaling.md)
if (args.Contains("--scaling"))
{
    return await ScalingBenchmark.RunAsync(args, StringOption("--out") ?? Path.Combine(RepositoryRoot(), "benchmarks", "results", "scaling.md"));
}

var files = IntOption("--files", 2000);
var repetitions = IntOption("--reps", 5);
var seed = IntOption("--seed", 42);
var concurrent = args.Contains("--concurrent");
var outPath = StringOption("--out") ?? Path.Combine(RepositoryRoot(), "benchmarks", "results", "latest.md");
const string ReferenceId = "CA1822";

var loadAtStart = LoadAverage();
Console.WriteLine($"Generating {files} files (seed {seed})...");
var generator = new ProjectGenerator(files, seed);
var generated = generator.Generate();
var totalLines = generated.Sum(f => f.Lines);
var socketFiles = generated.Count(f => f.HasSocketCode);
if (files >= 2000 && totalLines < 200_000)
{
    return Fail($"the synthetic project has only {totalLines} lines (want at least 200,000)");
}

if (StringOption("--write") is { } folder)
{
    // The project as files, for tools/RepoScan or a harness of one's own (the same sources the runs below compile).
    foreach (var file in generated)
    {
        var path = Path.Combine(folder, file.Path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, file.Text);
    }

    Console.WriteLine($"wrote {generated.Count} files to {folder}");
    return 0;
}

var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var parse = Stopwatch.StartNew();
var trees = generated.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path)).ToImmutableArray();
parse.Stop();
var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();
var compilationOptions = new CSharpCompilationOptions(
    OutputKind.DynamicallyLinkedLibrary,
    nullableContextOptions: NullableContextOptions.Enable,
    concurrentBuild: concurrent,
    // CA1822 is a suggestion by default: make sure the driver runs it and reports what it finds.
    specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { [ReferenceId] = ReportDiagnostic.Warn });

CSharpCompilation Fresh() => CSharpCompilation.Create("Synthetic", trees, references, compilationOptions);

var reference = ReferenceRule.Load(ReferenceId);
var ours = new SocketBufferAnalyzer();
var runs = new List<Run>
{
    new("compile only (GetDiagnostics)", null),
    new("EmptyAnalyzer (registers nothing)", new EmptyAnalyzer()),
    new("NullAnalyzer (same callbacks, no work)", new NullAnalyzer()),
    new("SocketBufferAnalyzer", ours),
    new($"{ReferenceId} {reference.GetType().Name} (NetAnalyzers {ReferenceRule.PackageVersion})", reference),
};

Console.WriteLine($"{files} files, {totalLines:N0} lines, {socketFiles} with socket code; parsed in {parse.Elapsed.TotalSeconds:F1} s (not counted in the baseline).");
if (StringOption("--profile") is { } profiled)
{
    // For a profiler (dotnet-trace collect -- ...): run one analyzer (ours, null or reference) repeatedly, nothing else.
    var run = runs.Single(r => r.Analyzer != null && r.Name.StartsWith(profiled switch { "null" => "NullAnalyzer", "reference" => ReferenceId, _ => "SocketBufferAnalyzer" }, StringComparison.Ordinal));
    for (var repetition = 0; repetition <= repetitions; repetition++)
    {
        var result = await Measure(run.Analyzer);
        Console.WriteLine($"  {run.Name}: {result.Wall.TotalMilliseconds:F0} ms wall, {result.Callbacks.TotalMilliseconds:F1} ms in callbacks, {result.Allocated / 1024.0 / 1024.0:F1} MB allocated, {result.Diagnostics.Length} diagnostics");
    }

    return 0;
}

if (StringOption("--compare") is { } otherBuild)
{
    // This build against another build's analyzer on the same project, alternating in one process (results/compare.md).
    return await BuildComparison.RunAsync(
        otherBuild,
        ours,
        repetitions,
        analyzer => Measure(analyzer),
        $"{files:N0} files, {totalLines:N0} lines, {socketFiles} files with socket code (seed {seed}), the benchmark's recipe ({(concurrent ? "concurrent" : "single-threaded")})",
        StringOption("--out") ?? Path.Combine(RepositoryRoot(), "benchmarks", "results", "compare.md"),
        LoadAverage);
}

Console.WriteLine($"{repetitions} repetitions after 1 warm-up, a fresh compilation per run, {(concurrent ? "concurrent" : "single-threaded")} build and analysis.");

for (var repetition = 0; repetition <= repetitions; repetition++)
{
    var warmUp = repetition == 0;
    // Rotate the order so that drift on a shared machine does not always hit the same run.
    for (var k = 0; k < runs.Count; k++)
    {
        var run = runs[(k + repetition) % runs.Count];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var result = await Measure(run.Analyzer);
        if (!warmUp)
        {
            run.Wall.Add(result.Wall.TotalMilliseconds);
            run.Callbacks.Add(result.Callbacks.TotalMilliseconds);
            run.AllocatedMB.Add(result.Allocated / 1024.0 / 1024.0);
        }

        run.Diagnostics = result.Diagnostics;
        run.Errors = result.Errors;
        Console.WriteLine($"  {(warmUp ? "warm-up" : "rep " + repetition),-8} {run.Name,-58} {result.Wall.TotalMilliseconds,9:F0} ms wall, {result.Callbacks.TotalMilliseconds,8:F1} ms in callbacks, {result.Allocated / 1024.0 / 1024.0,8:F0} MB allocated");
    }
}

var compile = runs[0];
var empty = runs[1];
var nullRun = runs[2];
var oursRun = runs[3];
var referenceRun = runs[4];

var problems = new List<string>();
if (compile.Errors.Count > 0)
{
    problems.Add($"the synthetic project does not compile: {compile.Errors.Count} errors, first: {compile.Errors[0]}");
}

var found = oursRun.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
var idRows = new List<(string Id, int Expected, int Found, string Status)>();
foreach (var id in generator.Expected.Keys.Union(found.Keys).OrderBy(id => id, StringComparer.Ordinal))
{
    generator.Expected.TryGetValue(id, out var expected);
    found.TryGetValue(id, out var count);
    var status = count == expected ? "ok"
        : count == 0 && id is not ("SOCK001" or "SOCK002") ? "not reported (rule not implemented yet?)"
        : "MISMATCH";
    if (status == "MISMATCH")
    {
        problems.Add($"{id}: expected {expected}, found {count}");
    }

    idRows.Add((id, expected, count, status));
}

if (oursRun.Diagnostics.Length == 0)
{
    problems.Add("SocketBufferAnalyzer found nothing: the benchmark would measure nothing");
}

if (referenceRun.Diagnostics.Length == 0)
{
    problems.Add($"{ReferenceId} found nothing: the reference did not run");
}

var compileMs = Median(compile.Wall);
var oursCallbacks = Median(oursRun.Callbacks);
var ratioOfCompile = oursCallbacks / compileMs;
var overNullOfCompile = (Median(oursRun.Wall) - Median(nullRun.Wall)) / compileMs;
var vsNullWall = Median(oursRun.Wall) / Median(nullRun.Wall);
var vsNullCallbacks = oursCallbacks / Median(nullRun.Callbacks);
var vsReferenceCallbacks = oursCallbacks / Median(referenceRun.Callbacks);
var vsReferenceWall = Median(oursRun.Wall) / Median(referenceRun.Wall);

var table = new StringBuilder();
table.AppendLine($"Synthetic project: {files:N0} files, {totalLines:N0} lines, {socketFiles} files with socket code (seed {seed}).");
table.AppendLine($"Medians of {repetitions} repetitions after 1 warm-up; fresh compilation per run; {(concurrent ? "concurrent" : "single-threaded")} build and analysis; Roslyn {RoslynVersion()}.");
table.AppendLine();
table.AppendLine("| run | wall ms | in analyzer callbacks ms | allocated MB | diagnostics |");
table.AppendLine("|---|---:|---:|---:|---|");
foreach (var run in runs)
{
    var diagnostics = run.Analyzer == null
        ? $"{run.Errors.Count} errors"
        : run.Diagnostics.Length == 0 ? "0" : $"{run.Diagnostics.Length} ({string.Join(", ", run.Diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))})";
    var callbacks = run.Analyzer == null ? "–" : Median(run.Callbacks).ToString("F1", CultureInfo.InvariantCulture);
    table.AppendLine($"| {run.Name} | {Median(run.Wall):F0} | {callbacks} | {Median(run.AllocatedMB):F0} | {diagnostics} |");
}

table.AppendLine();
table.AppendLine("| measure | value | target | met |");
table.AppendLine("|---|---:|---|---|");
table.AppendLine($"| SocketBufferAnalyzer callbacks / compile | {ratioOfCompile:P2} | < 1% | {Met(ratioOfCompile < 0.01)} |");
table.AppendLine($"| (SocketBufferAnalyzer wall − NullAnalyzer wall) / compile | {overNullOfCompile:P2} | (wall difference: noise-dominated on a shared machine) | |");
table.AppendLine($"| SocketBufferAnalyzer / NullAnalyzer, wall | {vsNullWall:F3}× | ≤ 1.5× | {Met(vsNullWall <= 1.5)} |");
table.AppendLine($"| SocketBufferAnalyzer / NullAnalyzer, callbacks | {vsNullCallbacks:F2}× | (the null callbacks do nothing) | |");
table.AppendLine($"| SocketBufferAnalyzer / {ReferenceId}, callbacks | {vsReferenceCallbacks:F2}× | ≤ 1× | {Met(vsReferenceCallbacks <= 1.0)} |");
table.AppendLine($"| SocketBufferAnalyzer / {ReferenceId}, wall | {vsReferenceWall:F3}× | (wall differences within ±10% are noise here) | |");
table.AppendLine($"| SocketBufferAnalyzer allocations − NullAnalyzer allocations | {Median(oursRun.AllocatedMB) - Median(nullRun.AllocatedMB):F1} MB | (the analyzer's own garbage) | |");
table.AppendLine();
table.AppendLine("| rule | expected by the spec | found | |");
table.AppendLine("|---|---:|---:|---|");
foreach (var row in idRows)
{
    table.AppendLine($"| {row.Id} | {row.Expected} | {row.Found} | {row.Status} |");
}

Console.WriteLine();
Console.Write(table);

var report = new StringBuilder();
report.AppendLine("# SocketBufferAnalyzers benchmark: latest results");
report.AppendLine();
report.AppendLine($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine($"- Machine: {Environment.ProcessorCount} cores (nproc), {MemoryGiB()} GiB memory, {CpuModel()}; {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}");
report.AppendLine("- Command: `dotnet run -c Release --project benchmarks/SocketBufferAnalyzers.Benchmarks`" + (args.Length > 0 ? $" (arguments: `{string.Join(' ', args)}`)" : string.Empty));
report.AppendLine($"- Load average (1/5/15 min) at start: {loadAtStart}; at end: {LoadAverage()} (other work on a shared machine shows here)");
report.AppendLine($"- Parse time (not in the baseline): {parse.Elapsed.TotalMilliseconds:F0} ms");
report.AppendLine();
report.Append(table);
report.AppendLine();
report.AppendLine("How to read it: *wall* is `GetDiagnostics()` for the compile row and `CompilationWithAnalyzers.GetAnalyzerDiagnosticsAsync()` for the others");
report.AppendLine("(which compiles too, and builds the operation trees any operation analyzer needs: the NullAnalyzer row shows that shared cost).");
report.AppendLine("Before each analyzer run the fresh compilation's references are bound and its declarations merged, untimed (the compile row includes it):");
report.AppendLine("otherwise the first analyzer to call GetTypeByMetadataName would be charged for it (about 40 ms here).");
report.AppendLine("*In analyzer callbacks* is `AnalyzerTelemetryInfo.ExecutionTime` (`logAnalyzerExecutionTime: true`): the time spent inside the analyzer's own");
report.AppendLine("callbacks, summed over threads (the ReportAnalyzer figure). It includes the garbage collections that stop the analyzer thread while it is");
report.AppendLine("inside a callback, most of them started by the compiler's own allocations, so it overstates the analyzer's own CPU time (a profile of this");
report.AppendLine("benchmark showed about two thirds of it waiting in GC). The shared machine is noisy: differences of a few percent in wall time are noise.");
report.AppendLine();
report.AppendLine("Per repetition (ms, wall / callbacks):");
report.AppendLine();
foreach (var run in runs)
{
    report.AppendLine($"- {run.Name}: {string.Join("; ", run.Wall.Select((w, i) => $"{w:F0} / {run.Callbacks[i]:F1}"))}");
}

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
    return Fail(string.Join("; ", problems));
}

return 0;

async Task<Result> Measure(DiagnosticAnalyzer? analyzer)
{
    var compilation = Fresh();
    if (analyzer == null)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        BindDeclarations(compilation);
        var diagnostics = compilation.GetDiagnostics();
        watch.Stop();
        return new Result(watch.Elapsed, TimeSpan.Zero, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, ImmutableArray<Diagnostic>.Empty,
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList());
    }

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
        concurrentAnalysis: concurrent,
        logAnalyzerExecutionTime: true,
        reportSuppressedDiagnostics: false);
    // Not timed here (it is in the compile row): whichever analyzer touches the fresh compilation first would otherwise
    // pay for binding its references and merging its declarations, work every build does once whatever the analyzers.
    BindDeclarations(compilation);
    var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var stopwatch = Stopwatch.StartNew();
    var found = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    stopwatch.Stop();
    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    if (exceptions.Count > 0)
    {
        throw new InvalidOperationException($"{analyzer.GetType().Name} threw: {exceptions[0]}");
    }

    var ad0001 = found.FirstOrDefault(d => d.Id == "AD0001");
    if (ad0001 != null)
    {
        throw new InvalidOperationException($"{analyzer.GetType().Name} failed: {ad0001.GetMessage(CultureInfo.InvariantCulture)}");
    }

    return new Result(stopwatch.Elapsed, telemetry.ExecutionTime, allocated, found, new List<Diagnostic>());
}

// References bound and declarations merged: what the first GetTypeByMetadataName of a compilation triggers.
static void BindDeclarations(Compilation compilation) => _ = compilation.GetTypeByMetadataName("System.Object");

int IntOption(string name, int fallback) =>
    StringOption(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

string? StringOption(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string Met(bool met) => met ? "yes" : "NO";

static int Fail(string message)
{
    Console.Error.WriteLine("Benchmark invalid: " + message);
    return 1;
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }
    }

    return Environment.CurrentDirectory;
}

static string RoslynVersion() =>
    typeof(CSharpCompilation).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
    ?? typeof(CSharpCompilation).Assembly.GetName().Version?.ToString() ?? "?";

static string MemoryGiB()
{
    try
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (kib / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
    }
    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
    {
        return (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
    }
}

static string LoadAverage()
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

static string CpuModel()
{
    try
    {
        var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line == null ? RuntimeInformation.ProcessArchitecture.ToString() : line.Split(':', 2)[1].Trim();
    }
    catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
    {
        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}

internal sealed class Run
{
    public Run(string name, DiagnosticAnalyzer? analyzer)
    {
        Name = name;
        Analyzer = analyzer;
    }

    public string Name { get; }

    public DiagnosticAnalyzer? Analyzer { get; }

    public List<double> Wall { get; } = new();

    public List<double> Callbacks { get; } = new();

    /// <summary>Megabytes allocated during the run (all threads): the same for every run of one analyzer, unlike times.</summary>
    public List<double> AllocatedMB { get; } = new();

    public ImmutableArray<Diagnostic> Diagnostics { get; set; } = ImmutableArray<Diagnostic>.Empty;

    public List<Diagnostic> Errors { get; set; } = new();
}

internal sealed record Result(TimeSpan Wall, TimeSpan Callbacks, long Allocated, ImmutableArray<Diagnostic> Diagnostics, List<Diagnostic> Errors);
