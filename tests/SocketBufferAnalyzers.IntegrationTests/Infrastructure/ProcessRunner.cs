using System.Diagnostics;
using System.Text;

namespace SocketBufferAnalyzers.IntegrationTests.Infrastructure;

/// <summary>What a finished command did: its exit code and everything it printed (stdout and stderr interleaved).</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>A description to put into assertion messages: the command, where it ran, and its output.</summary>
    public override string ToString() =>
        $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s. Output:{Environment.NewLine}{Output}";
}

/// <summary>Runs the `dotnet` CLI (or another program) as a child process, bounded in time.</summary>
public static class ProcessRunner
{
    /// <summary>The dotnet executable that runs these tests, so that the child uses the same SDK.</summary>
    public static string DotnetPath { get; } = FindDotnet();

    public static ProcessResult Dotnet(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Run(DotnetPath, arguments, workingDirectory, timeout);

    public static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = CreateStartInfo(fileName, arguments, workingDirectory) };
        var output = new StringBuilder();
        var gate = new object();
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data != null)
            {
                lock (gate)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;

        var commandLine = fileName + " " + string.Join(" ", arguments.Select(Quote));
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            // Only the process this method started, and its children.
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended in the meantime.
            }

            process.WaitForExit(TimeSpan.FromSeconds(10));
            string partial;
            lock (gate)
            {
                partial = output.ToString();
            }

            throw new TimeoutException(
                $"`{commandLine}` in {workingDirectory} did not finish within {timeout.TotalSeconds:F0} s and was stopped. Output so far:{Environment.NewLine}{partial}");
        }

        // The parameterless overload also waits until the redirected streams are drained.
        process.WaitForExit();
        watch.Stop();
        lock (gate)
        {
            return new ProcessResult(commandLine, workingDirectory, process.ExitCode, output.ToString(), watch.Elapsed);
        }
    }

    /// <summary>
    /// A start info with a clean environment for MSBuild: the variables that `dotnet test` sets for its own build
    /// would otherwise leak into the child build, and node reuse would leave processes holding the output pipes.
    /// </summary>
    public static ProcessStartInfo CreateStartInfo(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase)
                || name.Equals("MSBUILD_EXE_PATH", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(name);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["TERM"] = "dumb";
        return info;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c != '"' && c != '\'') ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";

    private static string FindDotnet()
    {
        var fromHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromHost) && File.Exists(fromHost))
        {
            return fromHost;
        }

        var current = Environment.ProcessPath;
        if (current != null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return "dotnet";
    }
}
