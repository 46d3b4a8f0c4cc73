using System.Globalization;
using System.Reflection;

namespace SocketBufferAnalyzers.RepoScan;

/// <summary>
/// The `scan` command line, shared by tools/RepoScan and the `socket-buffers` tool: parses the arguments, runs
/// <see cref="RepositoryScanner"/>, prints the listing and the timing, writes SARIF on request.
/// Exit codes: 0 done; 1 findings with --fail-on-findings; 2 usage or folder error; 3 the analyzer threw.
/// </summary>
public static class ScanCommand
{
    public const string Usage = """
        usage: scan <folder> [options]
          Runs SocketBufferAnalyzers over every .cs under <folder> (bin/, obj/ and generated files skipped) in one
          compilation against the SDK's reference pack, honouring the folder's .editorconfig files. No build needed:
          package types the code uses are missing, and the analyzer runs anyway.
        options:
          --runs N               measure N serial runs and report medians (default 1)
          --warmup N             N unmeasured runs first (the first run of a process includes JIT; default 0)
          --ids SOCK001,SOCK004  report only these diagnostic ids
          --sarif FILE           also write the findings as SARIF 2.1.0
          --fail-on-findings     exit 1 when anything is reported
          --refs DIR             add every assembly in DIR as a reference (repeatable)
          -p NAME=VALUE          an MSBuild property the analyzer reads as build_property.NAME, e.g.
                                 -p SocketBufferLinuxKernel=6.12 (repeatable; .editorconfig keys still win)
          --implicit-usings auto|on|off
                                 add the SDK's implicit global usings (auto: when a .csproj under <folder> enables them)
          --floors               also time three probe analyzers of the analyzer's shape that do no work (callbacks only,
                                 callee names, names and value types) in each run: the floor the analyzer's time stands on
          --quiet                no progress on stderr
        Output: one line per diagnostic, `path:line: ID message`, sorted; then the analyzer's time (inside its
        callbacks), the compile time without analyzers measured in the same run, and their ratio.
        Exit codes: 0 done, 1 findings with --fail-on-findings, 2 usage error, 3 the analyzer threw.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        string? root = null;
        string? sarif = null;
        var runs = 1;
        var warmup = 0;
        var failOnFindings = false;
        var quiet = false;
        var floors = false;
        var ids = new List<string>();
        var refs = new List<string>();
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var implicitUsings = ImplicitUsingsMode.Auto;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{arg} needs a value");
            try
            {
                switch (arg)
                {
                    case "-h":
                    case "--help":
                        output.WriteLine(Usage);
                        return 0;
                    case "--runs":
                        if (!int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1)
                        {
                            throw new UsageException("--runs needs a positive number");
                        }

                        break;
                    case "--warmup":
                        if (!int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out warmup))
                        {
                            throw new UsageException("--warmup needs a number");
                        }

                        break;
                    case "--ids":
                        ids.AddRange(Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        break;
                    case "--sarif":
                        sarif = Path.GetFullPath(Next());
                        break;
                    case "--fail-on-findings":
                        failOnFindings = true;
                        break;
                    case "--refs":
                        refs.Add(Path.GetFullPath(Next()));
                        break;
                    case "-p":
                    case "--property":
                        var pair = Next();
                        var equals = pair.IndexOf('=');
                        if (equals <= 0)
                        {
                            throw new UsageException($"{arg} takes NAME=VALUE, not {pair}");
                        }

                        properties[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
                        break;
                    case "--implicit-usings":
                        implicitUsings = Next() switch
                        {
                            "auto" => ImplicitUsingsMode.Auto,
                            "on" => ImplicitUsingsMode.On,
                            "off" => ImplicitUsingsMode.Off,
                            var other => throw new UsageException($"--implicit-usings takes auto, on or off, not {other}"),
                        };
                        break;
                    case "--quiet":
                        quiet = true;
                        break;
                    case "--floors":
                        floors = true;
                        break;
                    default:
                        if (arg.StartsWith('-') || root != null)
                        {
                            throw new UsageException($"unexpected argument {arg}");
                        }

                        root = arg;
                        break;
                }
            }
            catch (UsageException e)
            {
                error.WriteLine("scan: " + e.Message);
                error.WriteLine(Usage);
                return 2;
            }
        }

        if (root == null)
        {
            error.WriteLine("scan: no folder given");
            error.WriteLine(Usage);
            return 2;
        }

        if (!Directory.Exists(root))
        {
            error.WriteLine($"scan: no folder {root}");
            return 2;
        }

        foreach (var directory in refs.Where(d => !Directory.Exists(d)))
        {
            error.WriteLine($"scan: no folder {directory} (--refs)");
            return 2;
        }

        var result = await RepositoryScanner.ScanAsync(
            new ScanOptions
            {
                Root = root,
                Runs = runs,
                WarmupRuns = warmup,
                Ids = ids,
                ReferenceDirectories = refs,
                ImplicitUsings = implicitUsings,
                BuildProperties = properties,
                Floors = floors,
                Progress = quiet ? null : line => error.WriteLine("scan: " + line),
            },
            cancellationToken).ConfigureAwait(false);

        foreach (var finding in result.Findings)
        {
            output.WriteLine(finding.ToString());
        }

        output.WriteLine();
        WriteSummary(result, output);

        foreach (var problem in result.ConfigProblems)
        {
            error.WriteLine("scan: configuration: " + problem);
        }

        if (sarif != null)
        {
            SarifWriter.Write(result, sarif, ToolVersion());
            output.WriteLine($"SARIF: {sarif}");
        }

        if (result.AnalyzerExceptions.Count > 0)
        {
            error.WriteLine($"scan: the analyzer threw {result.AnalyzerExceptions.Count} exception(s):");
            foreach (var exception in result.AnalyzerExceptions)
            {
                error.WriteLine("  " + exception);
            }

            return 3;
        }

        return failOnFindings && result.Findings.Count > 0 ? 1 : 0;
    }

    /// <summary>The lines after the listing: counts by id, then the timing with its ratio.</summary>
    public static void WriteSummary(ScanResult result, TextWriter output)
    {
        string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
        var byId = result.Findings.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine($"{result.Findings.Count} diagnostic(s){(result.Findings.Count > 0 ? ": " + string.Join(", ", byId) : string.Empty)}");
        output.WriteLine($"{result.FileCount} files, {result.LineCount.ToString(CultureInfo.InvariantCulture)} lines, {result.ConfigFiles.Count} configuration file(s), {result.CompileErrors} compile errors{(result.CompileErrors > 0 ? " (expected: package references are not resolved; the analyzer runs anyway)" : string.Empty)}{(result.ImplicitUsings ? ", SDK implicit usings added" : string.Empty)}");
        output.WriteLine($"references: {result.References}");
        var runs = result.Runs.Count;
        string Percent(double ratio) => (ratio * 100).ToString("F2", CultureInfo.InvariantCulture) + " %";
        if (runs == 1)
        {
            output.WriteLine($"analyzer {Ms(result.MedianAnalyzerTime)} ms / compile {Ms(result.MedianCompileTime)} ms = {Percent(result.Ratio)} (1 run)");
        }
        else
        {
            output.WriteLine(
                $"analyzer {Ms(result.MedianAnalyzerTime)} ms, compile {Ms(result.MedianCompileTime)} ms, analyzer/compile {Percent(result.Ratio)} " +
                $"(medians of {runs} serial runs; the ratio is the median of each run's own ratio)");
            output.WriteLine("  runs (analyzer / compile ms = ratio): " + string.Join("; ", result.Runs.Select(r => $"{Ms(r.AnalyzerTime)} / {Ms(r.CompileTime)} = {Percent(r.Ratio)}")));
        }

        if (result.Probes.Count > 0)
        {
            // Each probe against the compile, and the analyzer against the probe that reads what it must read at least.
            var reads = result.Probes[result.Probes.Count - 1];
            var times = reads.MedianTime > TimeSpan.Zero ? (result.MedianAnalyzerTime / reads.MedianTime).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";
            output.WriteLine(
                "floors (probes of the analyzer's shape that do no work, same runs): "
                + string.Join(", ", result.Probes.Select(p => $"{p.Name} {p.MedianTime.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture)} ms ({Percent(p.Ratio)})"))
                + $"; the analyzer = {times} {reads.Name}");
        }
    }

    public static string ToolVersion() =>
        typeof(ScanCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";

    private sealed class UsageException(string message) : Exception(message);
}
