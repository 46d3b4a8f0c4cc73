using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using static SocketBufferAnalyzers.Benchmarks.Statistics;

namespace SocketBufferAnalyzers.Benchmarks;

/// <summary>
/// <c>--compare PATH</c>: this build's analyzer against another build of it (the <c>SocketBufferAnalyzers.dll</c> of an older
/// commit, built in a worktree), on the same synthetic project, in one process: the two alternate run by run (each pair in
/// turn order, so drift on a shared machine hits both), each on a fresh compilation with the benchmark's recipe, and the
/// ratio of their medians is printed beside every pair's own ratio. It answers "is this change no worse than that build"
/// without a second process whose load and JIT differ.
/// </summary>
internal static class BuildComparison
{
    public static async Task<int> RunAsync(
        string otherPath,
        DiagnosticAnalyzer ours,
        int repetitions,
        Func<DiagnosticAnalyzer, Task<Result>> measure,
        string project,
        string outPath,
        Func<string> loadAverage)
    {
        var other = LoadOther(otherPath);
        var loadAtStart = loadAverage();
        var builds = new[] { ("this build", ours), ($"other build ({Path.GetFullPath(otherPath)})", other) };
        var callbacks = new[] { new List<double>(), new List<double>() };
        var allocated = new[] { new List<double>(), new List<double>() };
        var diagnostics = new ImmutableArray<Diagnostic>[2];
        Console.WriteLine($"{repetitions} pairs after 1 warm-up pair, a fresh compilation per run.");
        for (var repetition = 0; repetition <= repetitions; repetition++)
        {
            var line = new StringBuilder(repetition == 0 ? "  warm-up " : $"  pair {repetition,-3}");
            var pair = new double[2];
            foreach (var index in repetition % 2 == 0 ? new[] { 0, 1 } : new[] { 1, 0 })
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var result = await measure(builds[index].Item2);
                diagnostics[index] = result.Diagnostics;
                pair[index] = result.Callbacks.TotalMilliseconds;
                if (repetition > 0)
                {
                    callbacks[index].Add(result.Callbacks.TotalMilliseconds);
                    allocated[index].Add(result.Allocated / 1024.0 / 1024.0);
                }

                line.Append(CultureInfo.InvariantCulture, $" {(index == 0 ? "this" : "other")} {result.Callbacks.TotalMilliseconds,7:F1} ms;");
            }

            line.Append(CultureInfo.InvariantCulture, $" this/other {pair[0] / pair[1]:F2}");
            Console.WriteLine(line);
        }

        var report = new StringBuilder();
        report.AppendLine("# SocketBufferAnalyzers benchmark: this build against another");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average (1/5/15 min) at start {loadAtStart}, at end {loadAverage()}");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Project: {project}");
        report.AppendLine(CultureInfo.InvariantCulture, $"- {repetitions} pairs after a warm-up pair, alternating which runs first; analyzer callbacks (`AnalyzerTelemetryInfo.ExecutionTime`) per run");
        report.AppendLine();
        report.AppendLine("| build | median ms | min ms | max ms | runs | allocated MB (median) | diagnostics |");
        report.AppendLine("|---|---:|---:|---:|---|---:|---|");
        for (var index = 0; index < 2; index++)
        {
            var runs = string.Join(", ", callbacks[index].Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)));
            var found = diagnostics[index].IsDefaultOrEmpty ? "0" : string.Join(", ", diagnostics[index].GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {builds[index].Item1} | {Median(callbacks[index]):F1} | {callbacks[index].Min():F1} | {callbacks[index].Max():F1} | {runs} | {Median(allocated[index]):F1} | {found} |");
        }

        var pairRatios = callbacks[0].Zip(callbacks[1], (mine, theirs) => mine / theirs).ToList();
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"This build / other build, medians: **{Median(callbacks[0]) / Median(callbacks[1]):F2}×**; per pair: {string.Join(", ", pairRatios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))} (median {Median(pairRatios):F2}×).");
        report.AppendLine("A run with a garbage collection inside the callbacks is an outlier of a few hundred milliseconds; the medians leave it out.");
        Console.WriteLine();
        Console.Write(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        File.WriteAllText(outPath, report.ToString());
        Console.WriteLine($"written to {outPath}");
        return 0;
    }

    /// <summary>The other build's analyzer, in a load context of its own; Roslyn and the runtime come from this process.</summary>
    private static DiagnosticAnalyzer LoadOther(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"--compare: no analyzer assembly at {full} (build the other commit with `dotnet build -c Release src/Analyzer` in a worktree)", full);
        }

        var assembly = new OtherBuildContext(full).LoadFromAssemblyPath(full);
        var type = assembly.GetType("SocketBufferAnalyzers.Rules.SocketBufferAnalyzer")
            ?? throw new InvalidOperationException($"--compare: {full} has no SocketBufferAnalyzers.Rules.SocketBufferAnalyzer");
        return (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
    }

    /// <summary>Loads only the other build's own assembly; every reference it makes resolves in this process's context.</summary>
    private sealed class OtherBuildContext : AssemblyLoadContext
    {
        public OtherBuildContext(string path)
            : base("other build: " + path)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
