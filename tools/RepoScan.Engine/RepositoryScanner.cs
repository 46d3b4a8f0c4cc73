using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Rules;

namespace SocketBufferAnalyzers.RepoScan;

/// <summary>What to scan and how.</summary>
public sealed class ScanOptions
{
    public required string Root { get; init; }

    /// <summary>Only these diagnostic ids are reported (all the analyzer's when empty).</summary>
    public IReadOnlyCollection<string> Ids { get; init; } = [];

    /// <summary>Measured runs; the figures reported are their medians. Runs are serial.</summary>
    public int Runs { get; init; } = 1;

    /// <summary>Unmeasured runs before the measured ones (JIT of the compiler and the analyzer happens in the first run of a process).</summary>
    public int WarmupRuns { get; init; }

    /// <summary>Folders whose assemblies are added as references (for example a package's lib folder).</summary>
    public IReadOnlyList<string> ReferenceDirectories { get; init; } = [];

    public ImplicitUsingsMode ImplicitUsings { get; init; } = ImplicitUsingsMode.Auto;

    /// <summary>MSBuild properties handed to the analyzer as build_property.NAME (e.g. SocketBufferLinuxKernel = 6.12).</summary>
    public IReadOnlyDictionary<string, string> BuildProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>Also time the <see cref="FloorProbes"/> in each measured run, on the same compilation recipe, after the analyzer.</summary>
    public bool Floors { get; init; }

    /// <summary>Progress lines (phases, files read, runs), for large trees; null for none.</summary>
    public Action<string>? Progress { get; init; }
}

/// <summary>One diagnostic of the scan; <see cref="Path"/> is relative to the scanned folder, with '/' separators.</summary>
public sealed record ScanFinding(string Path, int Line, int Column, int EndLine, int EndColumn, string Id, DiagnosticSeverity Severity, string Message, string? HelpLink)
{
    /// <summary>`path:line: ID message`, the scan's listing format.</summary>
    public override string ToString() => Path.Length == 0 ? $"(no location): {Id} {Message}" : $"{Path}:{Line}: {Id} {Message}";
}

/// <summary>One measured run: time inside the analyzer's callbacks, and the compile without analyzers; with <c>--floors</c>, each probe's time in its callbacks.</summary>
public sealed record ScanRun(TimeSpan AnalyzerTime, TimeSpan AnalyzerWall, TimeSpan CompileTime, IReadOnlyList<ProbeTime>? Probes = null)
{
    public double Ratio => CompileTime > TimeSpan.Zero ? AnalyzerTime / CompileTime : 0;
}

/// <summary>A floor probe's time inside its callbacks in one run (<see cref="FloorProbes"/>).</summary>
public sealed record ProbeTime(string Name, TimeSpan Time);

/// <summary>A floor probe over the runs: median time, and the median of each run's probe/compile ratio.</summary>
public sealed record ProbeSummary(string Name, TimeSpan MedianTime, double Ratio);

public sealed record ScanResult(
    string Root,
    int FileCount,
    long LineCount,
    int CompileErrors,
    IReadOnlyList<ScanFinding> Findings,
    IReadOnlyList<ScanRun> Runs,
    IReadOnlyList<string> AnalyzerExceptions,
    IReadOnlyList<string> ConfigFiles,
    IReadOnlyList<string> ConfigProblems,
    string References,
    bool ImplicitUsings,
    IReadOnlyList<DiagnosticDescriptor> Rules)
{
    public TimeSpan MedianAnalyzerTime => Median(Runs.Select(r => r.AnalyzerTime));

    public TimeSpan MedianCompileTime => Median(Runs.Select(r => r.CompileTime));

    /// <summary>
    /// The median over runs of analyzer time / compile time of the same run: each run's two figures share the
    /// machine's load of that moment, so the ratio is steadier than either time.
    /// </summary>
    public double Ratio => Median(Runs.Select(r => r.Ratio));

    /// <summary>The floor probes' medians, in the order they ran (empty without <c>--floors</c>).</summary>
    public IReadOnlyList<ProbeSummary> Probes =>
        Runs.SelectMany(r => (r.Probes ?? []).Select(p => (p.Name, p.Time, Ratio: r.CompileTime > TimeSpan.Zero ? p.Time / r.CompileTime : 0)))
            .GroupBy(p => p.Name)
            .Select(g => new ProbeSummary(g.Key, Median(g.Select(p => p.Time)), Median(g.Select(p => p.Ratio))))
            .ToList();

    private static TimeSpan Median(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks((long)Median(values.Select(v => (double)v.Ticks)));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>
/// Runs the package's analyzer over a folder of C# without building it: one compilation of every source file
/// (see <see cref="SourceSet"/>) against the SDK's reference pack (<see cref="ReferencePack"/>), with the folder's
/// .editorconfig files applied (<see cref="ConfigOptions"/>), unsafe code allowed, the latest language version and
/// nullable enabled. Package types the folder uses are missing, so the compilation has errors: the analyzer runs
/// all the same (CompilationWithAnalyzers does not stop at compile errors), as it does in an IDE on half-typed code.
/// </summary>
public static class RepositoryScanner
{
    // What the SDK defines for a net10.0 Release build, so that #if NETCOREAPP / NET5_0_OR_GREATER code is compiled.
    private static readonly string[] PreprocessorSymbols =
    [
        "TRACE", "RELEASE", "NET", "NET10_0", "NETCOREAPP",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
        "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
    ];

    /// <summary>Every analyzer the package's analyzer assembly exports.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> PackageAnalyzers() =>
        typeof(SocketBufferAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                        && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static async Task<ScanResult> ScanAsync(ScanOptions options, CancellationToken cancellationToken = default)
    {
        var progress = options.Progress ?? (_ => { });
        if (!Directory.Exists(options.Root))
        {
            throw new DirectoryNotFoundException($"No folder {options.Root}");
        }

        var sources = SourceSet.Read(options.Root, options.ImplicitUsings);
        progress($"{sources.SourceFiles.Count} .cs files, {sources.ConfigFiles.Count} configuration files under {sources.Root}");

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular, PreprocessorSymbols);
        var trees = Parse(sources, parseOptions, progress, cancellationToken);
        var lines = trees.Sum(t => (long)t.GetText(cancellationToken).Lines.Count);

        var config = ConfigOptions.Load(sources.ConfigFiles, options.BuildProperties, sources.Root);
        config.Bind(trees);
        var references = ReferencePack.Find(options.ReferenceDirectories);
        var metadata = references.CreateReferences().ToList();
        // Top-level statements make a program: compile as one so that they are not an error of their own.
        var outputKind = trees.Any(t => t.GetRoot(cancellationToken).ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any())
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;
        var compilationOptions = new CSharpCompilationOptions(
                outputKind,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false)
            .WithSyntaxTreeOptionsProvider(config.TreeOptionsProvider());
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, config.AnalyzerOptionsProvider());
        var analyzers = PackageAnalyzers();
        var floorProbes = options.Floors ? FloorProbes.Create() : [];
        var ids = new HashSet<string>(options.Ids, StringComparer.OrdinalIgnoreCase);

        CSharpCompilation NewCompilation() => CSharpCompilation.Create("RepoScan", trees, metadata, compilationOptions);

        var runs = new List<ScanRun>();
        var exceptions = new ConcurrentBag<string>();
        Action<Exception, DiagnosticAnalyzer, Diagnostic> onException =
            (exception, analyzer, diagnostic) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
        var compileErrors = 0;
        ImmutableArray<Diagnostic> found = [];
        var runCount = Math.Max(1, options.Runs);
        for (var warmup = 1; warmup <= options.WarmupRuns; warmup++)
        {
            progress($"warm-up {warmup}/{options.WarmupRuns} (not measured)");
            NewCompilation().GetDiagnostics(cancellationToken);
            await NewCompilation().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, null, false, false, false))
                .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }

        for (var run = 1; run <= runCount; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress($"run {run}/{runCount}: compiling without analyzers");
            var compileWatch = Stopwatch.StartNew();
            var compileDiagnostics = NewCompilation().GetDiagnostics(cancellationToken);
            compileWatch.Stop();
            compileErrors = compileDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

            progress($"run {run}/{runCount}: analyzing ({compileWatch.Elapsed.TotalMilliseconds:F0} ms compile, {compileErrors} compile errors)");
            var analysis = await AnalyzeTimedAsync(NewCompilation(), analyzers, analyzerOptions, onException, cancellationToken).ConfigureAwait(false);
            found = analysis.Diagnostics;
            var executionTime = analysis.ExecutionTime;

            var probes = new List<ProbeTime>();
            foreach (var (name, probe) in floorProbes)
            {
                // The same recipe as the analyzer's run, on a fresh compilation, with only the probe.
                probes.Add(new ProbeTime(name, (await AnalyzeTimedAsync(NewCompilation(), [probe], analyzerOptions, onException, cancellationToken).ConfigureAwait(false)).ExecutionTime));
            }

            runs.Add(new ScanRun(executionTime, analysis.Wall, compileWatch.Elapsed, probes));
            progress($"run {run}/{runCount}: analyzer {executionTime.TotalMilliseconds:F1} ms in callbacks, {found.Length} diagnostics");
        }

        foreach (var diagnostic in found.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        var findings = found
            .Where(d => d.Id != "AD0001" && d.Severity != DiagnosticSeverity.Hidden && (ids.Count == 0 || ids.Contains(d.Id)))
            .Select(d => ToFinding(d, sources.Root))
            .Distinct()
            .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column)
            .ThenBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();

        var rules = analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        return new ScanResult(
            sources.Root,
            sources.SourceFiles.Count,
            lines,
            compileErrors,
            findings,
            runs,
            exceptions.Distinct().OrderBy(e => e, StringComparer.Ordinal).ToList(),
            sources.ConfigFiles,
            config.Problems,
            references.Description,
            sources.ImplicitUsings,
            rules);
    }

    /// <summary>
    /// One timed analysis: the analyzers over the compilation, its declarations bound first (<see cref="BindAsCompilerHas"/>),
    /// serially, with each analyzer's time inside its callbacks (their sum) and the wall time of the run.
    /// </summary>
    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, TimeSpan ExecutionTime, TimeSpan Wall)> AnalyzeTimedAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        AnalyzerOptions analyzerOptions,
        Action<Exception, DiagnosticAnalyzer, Diagnostic> onException,
        CancellationToken cancellationToken)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(analyzerOptions, onException, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        // The compilation the analyzers see is a copy that carries their event queue (as csc's is): bind that one.
        BindAsCompilerHas(withAnalyzers.Compilation, cancellationToken);
        var watch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        watch.Stop();
        var executionTime = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            executionTime += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime;
        }

        return (diagnostics, executionTime, watch.Elapsed);
    }

    /// <summary>
    /// Binds the declarations (references, namespaces, type and member signatures) of the compilation the analyzers run on
    /// before they are timed. csc attaches the analyzer driver (which makes this copy of the compilation) and at once runs
    /// this Declare stage on it itself, while the driver starts on another thread (CommonCompiler.CompileAndEmit); left lazy
    /// here, the analyzer's first type lookup would pay the compiler's own reference binding (about 9 ms on MQTTnet's 448
    /// files, more than the analyzer's work). Method bodies stay unbound, as they are when a build's analyzers start.
    /// </summary>
    private static void BindAsCompilerHas(Compilation compilation, CancellationToken cancellationToken) =>
        _ = compilation.GetDeclarationDiagnostics(cancellationToken);

    private static List<SyntaxTree> Parse(SourceSet sources, CSharpParseOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var trees = new List<SyntaxTree>(sources.SourceFiles.Count + 1);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < sources.SourceFiles.Count; i++)
        {
            var path = sources.SourceFiles[i];
            using (var stream = File.OpenRead(path))
            {
                var text = Microsoft.CodeAnalysis.Text.SourceText.From(stream, Encoding.UTF8, canBeEmbedded: false);
                trees.Add(CSharpSyntaxTree.ParseText(text, options, path, cancellationToken));
            }

            if (watch.ElapsedMilliseconds >= 1000)
            {
                progress($"parsed {i + 1}/{sources.SourceFiles.Count} files");
                watch.Restart();
            }
        }

        if (sources.ImplicitUsingsTree(options) is { } implicitUsings)
        {
            trees.Add(implicitUsings);
        }

        return trees;
    }

    private static ScanFinding ToFinding(Diagnostic diagnostic, string root)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var help = diagnostic.Descriptor.HelpLinkUri;
        if (!diagnostic.Location.IsInSource)
        {
            return new ScanFinding(string.Empty, 0, 0, 0, 0, diagnostic.Id, diagnostic.Severity, message, help);
        }

        var span = diagnostic.Location.GetLineSpan();
        var path = Path.GetRelativePath(root, span.Path).Replace(Path.DirectorySeparatorChar, '/');
        return new ScanFinding(
            path,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            diagnostic.Id,
            diagnostic.Severity,
            message,
            string.IsNullOrEmpty(help) ? null : help);
    }
}
