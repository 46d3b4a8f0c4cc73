using System.Reflection;
using SocketBufferAnalyzers.IntegrationTests.Infrastructure;

namespace SocketBufferAnalyzers.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledToolFixture>
{
    public const string Name = "Installed socket-buffers tool";
}

/// <summary>
/// Once per test run: packs tools/Tool with a unique version into a temporary feed and installs it from there with
/// `dotnet tool install --tool-path`, as a user would install it (globally) from a feed. Tests run the installed
/// `socket-buffers` command.
/// </summary>
public sealed class InstalledToolFixture : IDisposable
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(5);

    public InstalledToolFixture()
    {
        var assembly = typeof(InstalledToolFixture).Assembly;
        Configuration = Metadata(assembly, "Configuration");
        PackageVersion = $"{Metadata(assembly, "SocketBufferAnalyzersVersion")}-tool.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        WorkRoot = Path.Combine(Path.GetTempPath(), "SocketBufferAnalyzers.ToolTests", PackageVersion);
        Feed = Path.Combine(WorkRoot, "feed");
        ToolPath = Path.Combine(WorkRoot, "tools");
        Directory.CreateDirectory(Feed);

        // The tool project is not referenced by this test project. It is in Analyzers.sln, so after `dotnet test` of the
        // solution this build finds it up to date; run alone, it builds it. The build has no extra properties on
        // purpose: a restore or build with another PackageVersion would rewrite the analyzer's obj/ and rebuild its
        // DLL while other test assemblies load it. Only the pack (no build, no restore) gets the unique version.
        var build = ProcessRunner.Dotnet(RepositoryPaths.Root, SetupTimeout, "build", ToolProject, "-c", Configuration, "-nologo", "-tl:off");
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the tool failed.{Environment.NewLine}{build}");
        }

        var pack = ProcessRunner.Dotnet(
            RepositoryPaths.Root,
            SetupTimeout,
            "pack", ToolProject, "-c", Configuration, "--no-build", "-o", Feed, $"-p:PackageVersion={PackageVersion}", "-nologo", "-tl:off");
        var package = Path.Combine(Feed, $"SocketBufferAnalyzers.Tool.{PackageVersion}.nupkg");
        if (pack.ExitCode != 0 || !File.Exists(package))
        {
            throw new InvalidOperationException($"Packing the tool failed (expected {package}).{Environment.NewLine}{pack}");
        }

        // A NuGet.config at the work root: only this feed is needed (a tool package carries its dependencies).
        File.WriteAllText(Path.Combine(WorkRoot, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="socketbufferanalyzers-tool" value="{Feed}" />
              </packageSources>
            </configuration>

            """);
        var install = ProcessRunner.Dotnet(
            WorkRoot,
            SetupTimeout,
            "tool", "install", "SocketBufferAnalyzers.Tool", "--tool-path", ToolPath, "--version", PackageVersion,
            "--configfile", Path.Combine(WorkRoot, "NuGet.config"));
        Command = Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "socket-buffers.exe" : "socket-buffers");
        if (install.ExitCode != 0 || !File.Exists(Command))
        {
            throw new InvalidOperationException($"Installing the tool from {Feed} failed (expected {Command}).{Environment.NewLine}{install}");
        }
    }

    public static string ToolProject => Path.Combine(RepositoryPaths.Root, "tools", "Tool", "SocketBufferAnalyzers.Tool.csproj");

    public string Configuration { get; }

    public string PackageVersion { get; }

    public string WorkRoot { get; }

    public string Feed { get; }

    public string ToolPath { get; }

    /// <summary>The installed `socket-buffers` executable.</summary>
    public string Command { get; }

    /// <summary>Runs the installed command (stdout and stderr interleaved in the result).</summary>
    public ProcessResult Run(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run(Command, arguments, workingDirectory, CommandTimeout);

    /// <summary>A new empty folder under the work root.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(WorkRoot, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

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

    private static string Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no AssemblyMetadata '{key}' (see the .csproj).");
}
