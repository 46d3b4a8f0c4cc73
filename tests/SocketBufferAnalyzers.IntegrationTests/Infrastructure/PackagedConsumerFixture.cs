using System.Reflection;

namespace SocketBufferAnalyzers.IntegrationTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PackagedConsumerCollection : ICollectionFixture<PackagedConsumerFixture>
{
    public const string Name = "Packaged consumer";
}

/// <summary>
/// Once per test run: packs src/Package with a unique version into a temporary feed, writes a consumer project
/// that references that version (with a packages folder of its own, so no cache can serve an older analyzer) and
/// restores it once. Each scenario then works on a copy of the restored consumer (<see cref="NewConsumer"/>), so
/// the restore is never repeated and scenarios never see each other's edits.
/// </summary>
public sealed class PackagedConsumerFixture : IDisposable
{
    // Limits against a hung process only, never a measure of speed: a consumer build takes seconds on an idle machine, and
    // a machine shared by several builds (load average 20 and more on 2 cores) must not turn a slow build into a failure.
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(15);

    private readonly Lazy<ConsumerBuild> baseline;
    private int scenarioCount;

    public PackagedConsumerFixture()
    {
        var assembly = typeof(PackagedConsumerFixture).Assembly;
        Configuration = Metadata(assembly, "Configuration");
        RoslynVersion = Metadata(assembly, "RoslynVersion");
        PackageVersion = $"{Metadata(assembly, "SocketBufferAnalyzersVersion")}-it.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

        WorkRoot = Path.Combine(Path.GetTempPath(), "SocketBufferAnalyzers.IntegrationTests", PackageVersion);
        Feed = Path.Combine(WorkRoot, "feed");
        PackagesFolder = Path.Combine(WorkRoot, "packages");
        Template = Path.Combine(WorkRoot, "consumer");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Template);

        Pack();
        WriteConsumer();
        Restore();
        baseline = new Lazy<ConsumerBuild>(BuildBaseline);
    }

    /// <summary>The build configuration of this test run; the package project was built in it, and is packed from it.</summary>
    public string Configuration { get; }

    /// <summary>The Microsoft.CodeAnalysis version the analyzer is meant to build against (Directory.Build.props).</summary>
    public string RoslynVersion { get; }

    public string PackageVersion { get; }

    public string WorkRoot { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    /// <summary>The restored consumer that scenarios copy.</summary>
    public string Template { get; }

    public string PackagePath => Path.Combine(Feed, $"SocketBufferAnalyzers.{PackageVersion}.nupkg");

    /// <summary>The consumer built as it is, with a SARIF log: shared by the tests that only read a plain build.</summary>
    public ConsumerBuild Baseline => baseline.Value;

    /// <summary>A fresh copy of the restored consumer (sources, project, obj/ with the restore's output; no bin/).</summary>
    public string NewConsumer(string scenario)
    {
        var target = Path.Combine(WorkRoot, $"{Interlocked.Increment(ref scenarioCount):D2}-{scenario}");
        CopyDirectory(Template, target);
        return target;
    }

    /// <summary>`dotnet build --no-restore --no-incremental` of a consumer copy (an incremental build with no change would print no analyzer warnings).</summary>
    public static ProcessResult Build(string consumerDirectory, params string[] extraArguments) =>
        ProcessRunner.Dotnet(
            consumerDirectory,
            BuildTimeout,
            ["build", ConsumerSources.ProjectFile, "--no-restore", "--no-incremental", "-nologo", "-tl:off", .. extraArguments]);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("SOCKETBUFFERANALYZERS_KEEP_IT") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the system eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Pack()
    {
        // --no-build: the test project references the package project, so it is built already in this configuration,
        // and nothing here rebuilds the analyzer while other test assemblies may be loading it.
        var result = ProcessRunner.Dotnet(
            RepositoryPaths.Root,
            SetupTimeout,
            "pack", RepositoryPaths.PackageProject, "-c", Configuration, "--no-build", "-o", Feed,
            $"-p:PackageVersion={PackageVersion}", "-nologo", "-tl:off");
        if (result.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing the package failed (expected {PackagePath}).{Environment.NewLine}{result}");
        }
    }

    private void WriteConsumer()
    {
        // Files at the work root stop MSBuild, NuGet and .editorconfig lookups from reaching folders above the temp folder.
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkRoot, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(WorkRoot, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <!-- The package under test; the machine's usual sources stay configured after it. -->
                <add key="socketbufferanalyzers-it" value="{Feed}" />
              </packageSources>
            </configuration>

            """);
        var globalJson = Path.Combine(RepositoryPaths.Root, "global.json");
        if (File.Exists(globalJson))
        {
            File.Copy(globalJson, Path.Combine(WorkRoot, "global.json"));
        }

        File.WriteAllText(Path.Combine(Template, ConsumerSources.ProjectFile), ConsumerSources.Project(PackageVersion, PackagesFolder));
        foreach (var (name, text) in ConsumerSources.SourceFiles)
        {
            File.WriteAllText(Path.Combine(Template, name), text);
        }
    }

    private void Restore()
    {
        var result = ProcessRunner.Dotnet(Template, SetupTimeout, "restore", ConsumerSources.ProjectFile, "-nologo", "-tl:off");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Restoring the consumer against {Feed} failed.{Environment.NewLine}{result}");
        }
    }

    private ConsumerBuild BuildBaseline()
    {
        var directory = NewConsumer("baseline");
        var sarif = Path.Combine(directory, "build.sarif");
        // A comma separates properties on MSBuild's command line: %2C keeps ",version=2.1" inside ErrorLog.
        var result = Build(directory, $"-p:ErrorLog={sarif}%2Cversion=2.1");
        return new ConsumerBuild(directory, result, sarif);
    }

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no AssemblyMetadata '{key}' (see the .csproj).");

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name != "bin")
            {
                CopyDirectory(directory, Path.Combine(target, name));
            }
        }
    }
}

/// <summary>A consumer build: where it ran, what it printed, and its SARIF log if one was asked for.</summary>
public sealed record ConsumerBuild(string Directory, ProcessResult Result, string? SarifPath);
