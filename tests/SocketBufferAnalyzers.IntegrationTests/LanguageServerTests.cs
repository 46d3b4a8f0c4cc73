using System.Diagnostics;
using System.Text.Json.Nodes;
using SocketBufferAnalyzers.IntegrationTests.Infrastructure;

namespace SocketBufferAnalyzers.IntegrationTests;

/// <summary>
/// The package in an editor: a Roslyn language server (csharp-ls, installed here as a dotnet tool into a folder of
/// this run) opens the consumer's file and reports SOCK001 through pull diagnostics, as VS Code or Neovim would show it.
/// csharp-ls reports package analyzers only when the client's `csharp` configuration says analyzersEnabled: true,
/// and only through textDocument/diagnostic (not publishDiagnostics).
/// Nothing here depends on how fast the machine is: the server holds the first textDocument/diagnostic request until it
/// has loaded the project and run the analyzers, so the test waits for that answer (the event), bounded only by a
/// generous limit against a hung server. When the tool cannot be installed (no package source serves csharp-ls), the
/// test is skipped and says why.
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class LanguageServerTests(PackagedConsumerFixture fixture, ITestOutputHelper output)
{
    private const string ServerPackage = "csharp-ls";
    private const string ServerVersion = "0.28.0";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Only against a server that never answers: here (2 cores, load average 24) the answer came 15 s after start.</summary>
    private static readonly TimeSpan SessionTimeout = TimeSpan.FromMinutes(10);

    [SkippableFact]
    public async Task Language_server_reports_SOCK001_on_the_opened_file()
    {
        var server = InstallServer();

        var directory = fixture.NewConsumer("language-server");
        var file = Path.Combine(directory, ConsumerSources.ClientFile);
        var fileUri = new Uri(file).AbsoluteUri;
        var (line, column) = ConsumerSources.Locate(ConsumerSources.Client, ConsumerSources.ReceiveSetting, "8192");

        var environment = new Dictionary<string, string>();
        if (Path.IsPathRooted(ProcessRunner.DotnetPath))
        {
            // The tool's launcher finds the runtime through DOTNET_ROOT: the one running these tests.
            environment["DOTNET_ROOT"] = Path.GetDirectoryName(ProcessRunner.DotnetPath)!;
        }

        using var client = LspClient.Start(server, ["--loglevel", "info"], directory, environment, AnswerServerRequest);
        var watch = Stopwatch.StartNew();
        JsonNode? lastReport = null;
        try
        {
            var initialize = await client.RequestAsync("initialize", InitializeParams(directory), SessionTimeout);
            output.WriteLine($"initialized after {watch.Elapsed.TotalSeconds:F1} s");
            Assert.NotNull(initialize?["capabilities"]);
            client.Notify("initialized", new JsonObject());
            client.Notify("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["uri"] = fileUri,
                    ["languageId"] = "csharp",
                    ["version"] = 1,
                    ["text"] = File.ReadAllText(file),
                },
            });

            // The server answers the first pull once the project is loaded and analyzed. An answer without SOCK001 (the
            // analyzers had not run yet) or a "not ready" error is followed by another pull, as an editor does.
            while (!client.HasExited)
            {
                var remaining = SessionTimeout - watch.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                try
                {
                    lastReport = await client.RequestAsync(
                        "textDocument/diagnostic",
                        new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = fileUri } },
                        remaining);
                }
                catch (LspException e)
                {
                    output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: {e.Message}");
                }
                catch (TimeoutException e)
                {
                    output.WriteLine($"{watch.Elapsed.TotalSeconds:F1} s: {e.Message}");
                    break;
                }

                var found = Sock001(lastReport);
                if (found != null)
                {
                    output.WriteLine($"SOCK001 after {watch.Elapsed.TotalSeconds:F1} s: {found.ToJsonString()}");
                    var start = found["range"]!["start"]!;
                    Assert.Equal(line - 1, start["line"]!.GetValue<int>());
                    Assert.Equal(column - 1, start["character"]!.GetValue<int>());
                    Assert.Equal(2, found["severity"]?.GetValue<int>()); // Warning
                    Assert.Contains("8 KiB", found["message"]!.GetValue<string>(), StringComparison.Ordinal);
                    var href = found["codeDescription"]?["href"]?.GetValue<string>();
                    if (href != null)
                    {
                        Assert.EndsWith("/docs/rules/SOCK001.md", href, StringComparison.Ordinal);
                    }

                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            Assert.Fail(
                $"{ServerPackage} {ServerVersion} reported no SOCK001 for {file} within {SessionTimeout.TotalSeconds:F0} s " +
                $"(server exited: {client.HasExited}). Last textDocument/diagnostic answer: {lastReport?.ToJsonString() ?? "none"}" +
                $"{Environment.NewLine}Transcript:{Environment.NewLine}{Tail(client.Transcript)}");
        }
        finally
        {
            await client.StopAsync();
        }
    }

    /// <summary>Installs the server into a tool folder of this run; skips the test, saying why, when it cannot be installed.</summary>
    private string InstallServer()
    {
        var toolPath = Path.Combine(fixture.WorkRoot, "tools");
        var server = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
        if (File.Exists(server))
        {
            return server;
        }

        ProcessResult install;
        try
        {
            install = ProcessRunner.Dotnet(fixture.WorkRoot, InstallTimeout,
                "tool", "install", ServerPackage, "--version", ServerVersion, "--tool-path", toolPath);
        }
        catch (TimeoutException e)
        {
            throw new SkipException(
                $"`dotnet tool install {ServerPackage} --version {ServerVersion}` did not finish within {InstallTimeout.TotalMinutes:F0} minutes, " +
                $"so there is no language server to test the package in.{Environment.NewLine}{e.Message}");
        }

        Skip.If(
            install.ExitCode != 0,
            $"{ServerPackage} {ServerVersion} could not be installed as a dotnet tool (is a NuGet source that serves it reachable?), " +
            $"so there is no language server to test the package in.{Environment.NewLine}{install}");
        Assert.True(File.Exists(server), $"{server} is missing after a successful install.{Environment.NewLine}{install}");
        return server;
    }

    /// <summary>What an editor answers: the `csharp` section turns on analyzers; everything else gets null.</summary>
    private static JsonNode? AnswerServerRequest(string method, JsonNode? parameters)
    {
        if (method != "workspace/configuration")
        {
            return null;
        }

        var answers = new JsonArray();
        foreach (var item in parameters?["items"]?.AsArray() ?? [])
        {
            var section = item?["section"]?.GetValue<string>();
            answers.Add(section == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
        }

        return answers;
    }

    private static JsonObject InitializeParams(string directory)
    {
        var rootUri = new Uri(directory + Path.DirectorySeparatorChar).AbsoluteUri;
        return new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "consumer" }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject
                {
                    ["configuration"] = true,
                    ["workspaceFolders"] = true,
                },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false, ["relatedDocumentSupport"] = false },
                    ["publishDiagnostics"] = new JsonObject(),
                },
            },
        };
    }

    private static JsonNode? Sock001(JsonNode? report) =>
        (report?["items"] as JsonArray)?.FirstOrDefault(d => d?["code"]?.ToString() == "SOCK001");

    private static string Tail(string text) => text.Length <= 20_000 ? text : "…" + text[^20_000..];
}
