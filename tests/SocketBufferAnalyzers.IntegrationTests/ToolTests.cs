using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocketBufferAnalyzers.IntegrationTests.Infrastructure;

namespace SocketBufferAnalyzers.IntegrationTests;

/// <summary>The `socket-buffers` dotnet tool, installed from a local feed: its `host` and `scan` commands.</summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ToolTests(InstalledToolFixture tool, ITestOutputHelper log)
{
    private static readonly string SampleDirectory = Path.Combine(RepositoryPaths.Root, "samples", "NetworkingSample");

    [LinuxOnlyFact]
    public void Host_prints_the_editorconfig_lines_of_this_host()
    {
        var result = tool.Run(tool.WorkRoot, "host");
        log.WriteLine(result.ToString());

        // 0: model and kernel agree; 1: a figure differs (still a full report). Either way the lines are printed.
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("[*.cs]", lines);
        Assert.Contains("socket_buffer.target_os = linux", lines);

        // The values the lines carry are this host's, read here independently of the tool.
        var release = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        var version = Regex.Match(release, @"^(\d+)\.(\d+)");
        Assert.Contains($"socket_buffer.linux_kernel = {version.Groups[1].Value}.{version.Groups[2].Value}", lines);
        Assert.Contains($"socket_buffer.rmem_max = {File.ReadAllText("/proc/sys/net/core/rmem_max").Trim()}", lines);
        Assert.Contains($"socket_buffer.wmem_max = {File.ReadAllText("/proc/sys/net/core/wmem_max").Trim()}", lines);
        var tcpRmem = string.Join(' ', File.ReadAllText("/proc/sys/net/ipv4/tcp_rmem").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"socket_buffer.tcp_rmem = {tcpRmem}", lines);
    }

    [LinuxOnlyFact]
    public void Host_writes_the_throughput_chart_for_this_host()
    {
        var chart = Path.Combine(tool.WorkRoot, "host-chart.svg");
        var result = tool.Run(tool.WorkRoot, "host", "--chart", chart);
        log.WriteLine(result.ToString());

        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        var svg = File.ReadAllText(chart);
        Assert.StartsWith("<svg", svg.TrimStart());
        var release = File.ReadAllText("/proc/sys/kernel/osrelease").Trim();
        var version = Regex.Match(release, @"^(\d+)\.(\d+)");
        Assert.Contains($"this host (Linux {version.Groups[1].Value}.{version.Groups[2].Value})", svg);
    }

    [Fact]
    public void Scan_reports_the_diagnostics_the_build_of_the_sample_shows()
    {
        // What the build shows: the sample's sources in a project of the same settings, outside the repository, with
        // the analyzer this test run built (the sample itself is not rebuilt: `--no-incremental` would rebuild its
        // analyzer project too, under other test assemblies that load it). The build writes a SARIF log.
        var work = tool.NewFolder("sample");
        var copy = Path.Combine(work, "NetworkingSample");
        CopySources(SampleDirectory, copy);
        var analyzer = Path.Combine(RepositoryPaths.Root, "src", "Analyzer", "bin", tool.Configuration, "netstandard2.0", "SocketBufferAnalyzers.dll");
        Assert.True(File.Exists(analyzer), $"The analyzer is built with this test project ({analyzer}).");
        File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(copy, "NetworkingSample.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{analyzer}" />
              </ItemGroup>
            </Project>

            """);
        var buildSarif = Path.Combine(work, "build.sarif");
        var build = ProcessRunner.Dotnet(
            copy,
            InstalledToolFixture.CommandTimeout,
            "build", "NetworkingSample.csproj", "--no-incremental", "-nologo", "-tl:off", $"-p:ErrorLog={buildSarif}%2Cversion=2.1");
        Assert.True(build.ExitCode == 0, build.ToString());
        var expected = SarifResults(buildSarif, copy);
        Assert.True(expected.Count >= 3, $"The sample's build should show its diagnostics; SARIF had {expected.Count}.{Environment.NewLine}{build}");

        var scanSarif = Path.Combine(work, "scan.sarif");
        var scan = tool.Run(work, "scan", copy, "--sarif", scanSarif);
        log.WriteLine(scan.ToString());
        Assert.True(scan.ExitCode == 0, scan.ToString());

        Assert.Equal(expected, SarifResults(scanSarif, copy));
        foreach (var (path, line, id, message) in expected)
        {
            Assert.Contains($"{path}:{line}: {id} {message}", scan.Output.Replace("\r", string.Empty).Split('\n'));
        }

        Assert.Contains($"{expected.Count} diagnostic(s)", scan.Output);
    }

    [Fact]
    public void Scan_analyzes_code_with_missing_package_types_and_follows_each_folders_editorconfig()
    {
        var root = tool.NewFolder("half-typed");
        File.WriteAllText(Path.Combine(root, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.SOCK002.severity = none

            """);
        // A package type that cannot be resolved sits in the same method as the settings.
        const string Client = """
            using System.Net.Sockets;
            using Vendor.Missing.Package;

            namespace Scanned
            {
                public sealed class ClientName
                {
                    private readonly VendorOptions options = new VendorOptions();

                    public Socket Open()
                    {
                        var retry = new VendorRetryPolicy(options);
                        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        socket.ReceiveBufferSize = 8192;
                        socket.SendBufferSize = 65536;
                        retry.Attach(socket);
                        return socket;
                    }
                }
            }
            """;
        File.WriteAllText(Path.Combine(root, "Client.cs"), Client.Replace("ClientName", "Client"));
        Directory.CreateDirectory(Path.Combine(root, "NewKernel"));
        File.WriteAllText(Path.Combine(root, "NewKernel", ".editorconfig"), "[*.cs]\nsocket_buffer.linux_kernel = 6.18\n");
        File.WriteAllText(Path.Combine(root, "NewKernel", "Server.cs"), Client.Replace("ClientName", "Server"));
        // Build output and generated files are not scanned.
        foreach (var skipped in new[] { "bin/Skipped.cs", "obj/Skipped.cs", "Skipped.g.cs", "Skipped.Designer.cs" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, skipped))!);
            File.WriteAllText(Path.Combine(root, skipped), Client.Replace("ClientName", "Skipped" + Guid.NewGuid().ToString("N")));
        }

        var scan = tool.Run(root, "scan", root, "--quiet");
        log.WriteLine(scan.ToString());
        Assert.True(scan.ExitCode == 0, scan.ToString());
        var listing = Listing(scan.Output);
        Assert.Equal(["Client.cs:14: SOCK001", "NewKernel/Server.cs:14: SOCK001"], listing.Select(l => string.Join(' ', l.Split(' ').Take(2))));
        // The default profile (6.1) autotunes to a 3 MiB window (503 Mbit/s at 50 ms); the folder that describes 6.18
        // (tcp_rmem[2] 32 MiB) to 3.5 Gbit/s.
        Assert.Contains("(autotuned: 503 Mbit/s)", listing[0]);
        Assert.Contains("(autotuned: 3.5 Gbit/s)", listing[1]);
        var errors = Regex.Match(scan.Output, @"(\d+) compile errors");
        Assert.True(errors.Success && int.Parse(errors.Groups[1].Value, CultureInfo.InvariantCulture) > 0, "The scanned code has unresolved types: " + scan.Output);

        // An MSBuild property the package reads (build_property.SocketBufferLinuxKernel) applies where no
        // .editorconfig key says otherwise. (With --floors the probe analyzers run too: they add a timing line, never a finding.)
        var withProperty = tool.Run(root, "scan", root, "--quiet", "--floors", "-p", "SocketBufferLinuxKernel=6.18");
        Assert.True(withProperty.ExitCode == 0, withProperty.ToString());
        Assert.Equal(2, Listing(withProperty.Output).Count);
        Assert.Contains("(autotuned: 3.5 Gbit/s)", Listing(withProperty.Output)[0]);
        Assert.Matches(
            @"floors \(.*\): callbacks \d+\.\d+ ms \(\d+\.\d+ %\), names \d+\.\d+ ms \(\d+\.\d+ %\), reads \d+\.\d+ ms \(\d+\.\d+ %\); the analyzer = \d+\.\d+x reads",
            withProperty.Output);
        Assert.DoesNotContain("floors", scan.Output);

        var failing = tool.Run(root, "scan", root, "--quiet", "--fail-on-findings");
        Assert.True(failing.ExitCode == 1, failing.ToString());

        var filtered = tool.Run(root, "scan", root, "--quiet", "--fail-on-findings", "--ids", "SOCK004,SOCK005");
        Assert.True(filtered.ExitCode == 0, filtered.ToString());
        Assert.Empty(Listing(filtered.Output));
        Assert.Contains("0 diagnostic(s)", filtered.Output);
    }

    /// <summary>Copies a project folder's files except its project file, bin/ and obj/.</summary>
    private static void CopySources(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => !f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            CopySources(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    /// <summary>The listing: the lines before the first empty line.</summary>
    private static List<string> Listing(string output) =>
        output.Replace("\r", string.Empty).Split('\n').TakeWhile(l => l.Length > 0).ToList();

    /// <summary>(path relative to <paramref name="baseDirectory"/>, line, rule id, message) of every SOCK result in a SARIF 2.1 log, sorted.</summary>
    private static List<(string Path, int Line, string Id, string Message)> SarifResults(string sarifPath, string baseDirectory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var results = new List<(string, int, string, string)>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString()!;
                if (!id.StartsWith("SOCK", StringComparison.Ordinal))
                {
                    continue;
                }

                var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                var path = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile
                    ? Path.GetRelativePath(baseDirectory, absolute.LocalPath).Replace('\\', '/')
                    : Uri.UnescapeDataString(uri);
                var message = result.GetProperty("message").GetProperty("text").GetString()!;
                results.Add((path, physical.GetProperty("region").GetProperty("startLine").GetInt32(), id, message));
            }
        }

        return results.OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2).ThenBy(r => r.Item3, StringComparer.Ordinal)
            .ThenBy(r => r.Item4, StringComparer.Ordinal).ToList();
    }
}

/// <summary>A fact that runs on Linux only (the host report reads /proc and measures Linux sockets).</summary>
public sealed class LinuxOnlyFactAttribute : FactAttribute
{
    public LinuxOnlyFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "socket-buffers host describes Linux hosts: /proc is read and loopback sockets measured.";
        }
    }
}
