using SocketBufferAnalyzers.IntegrationTests.Infrastructure;

namespace SocketBufferAnalyzers.IntegrationTests;

/// <summary>`dotnet build` of a project that installed the package: warnings, severities, suppression, warnings as errors.</summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class BuildTests(PackagedConsumerFixture fixture)
{
    [Fact]
    public void Build_reports_SOCK001_and_SOCK002_with_file_and_line_and_nothing_else()
    {
        var build = fixture.Baseline;

        Assert.True(build.Result.ExitCode == 0, $"The consumer build failed.{Environment.NewLine}{build.Result}");
        var expected = new[]
        {
            Expected(ConsumerSources.ClientFile, ConsumerSources.Client, ConsumerSources.ReceiveSetting, "8192", "warning", "SOCK001"),
            Expected(ConsumerSources.ClientFile, ConsumerSources.Client, ConsumerSources.SendSetting, "64 * 1024", "warning", "SOCK002"),
            Expected(ConsumerSources.ListenerFile, ConsumerSources.Listener, ConsumerSources.RawSendSetting, "32 * 1024", "warning", "SOCK002"),
        };
        var actual = BuildOutput.SocketDiagnostics(build.Result.Output)
            .Select(d => (File: Path.GetFileName(d.File), d.Line, d.Column, d.Severity, d.Id))
            .OrderBy(d => d.File).ThenBy(d => d.Line)
            .ToList();
        Assert.True(
            expected.OrderBy(d => d.File).ThenBy(d => d.Line).SequenceEqual(actual),
            $"Expected exactly:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", expected)}{Environment.NewLine}" +
            $"Got:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", actual)}{Environment.NewLine}{build.Result}");

        // Every path is the consumer's own file, and the message carries the model's numbers for the value.
        var receive = BuildOutput.SocketDiagnostics(build.Result.Output).Single(d => d.Id == "SOCK001");
        Assert.Equal(Path.Combine(build.Directory, ConsumerSources.ClientFile), receive.File);
        Assert.Contains("8 KiB", receive.Message, StringComparison.Ordinal);
        Assert.Contains("16 KiB", receive.Message, StringComparison.Ordinal);
        Assert.Contains("https://github.com/SocketBufferAnalyzers/SocketBufferAnalyzers/blob/main/docs/rules/SOCK001.md", receive.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyzer_loads_in_the_SDK_compiler_without_load_failures_or_crashes()
    {
        var output = fixture.Baseline.Result.Output;

        foreach (var id in BuildOutput.LoadFailureIds)
        {
            Assert.False(output.Contains(id, StringComparison.Ordinal), $"The build printed {id}.{Environment.NewLine}{fixture.Baseline.Result}");
        }
    }

    [Fact]
    public void Editorconfig_severity_error_fails_the_build_on_SOCK001_only()
    {
        var directory = fixture.NewConsumer("editorconfig-error");
        WriteEditorconfig(directory, "dotnet_diagnostic.SOCK001.severity = error");

        var result = PackagedConsumerFixture.Build(directory);

        Assert.True(result.ExitCode != 0, $"The build should fail with SOCK001 as an error.{Environment.NewLine}{result}");
        var diagnostics = BuildOutput.SocketDiagnostics(result.Output);
        Assert.True(diagnostics.Any(d => d.Id == "SOCK001" && d.Severity == "error"), $"No SOCK001 error.{Environment.NewLine}{result}");
        Assert.True(diagnostics.Where(d => d.Id == "SOCK002").All(d => d.Severity == "warning") && diagnostics.Any(d => d.Id == "SOCK002"), $"SOCK002 should stay a warning.{Environment.NewLine}{result}");
    }

    [Fact]
    public void Editorconfig_severity_none_silences_SOCK001_and_keeps_SOCK002()
    {
        var directory = fixture.NewConsumer("editorconfig-none");
        WriteEditorconfig(directory, "dotnet_diagnostic.SOCK001.severity = none");

        var result = PackagedConsumerFixture.Build(directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        var ids = BuildOutput.SocketDiagnostics(result.Output).Select(d => d.Id).ToList();
        Assert.DoesNotContain("SOCK001", ids);
        Assert.True(ids.Contains("SOCK002"), $"SOCK002 should still be reported (the analyzer ran).{Environment.NewLine}{result}");
    }

    [Fact]
    public void Editorconfig_category_severity_error_makes_every_Performance_rule_an_error()
    {
        var directory = fixture.NewConsumer("category-error");
        WriteEditorconfig(directory, "dotnet_analyzer_diagnostic.category-Performance.severity = error");

        var result = PackagedConsumerFixture.Build(directory);

        Assert.True(result.ExitCode != 0, $"The build should fail.{Environment.NewLine}{result}");
        var diagnostics = BuildOutput.SocketDiagnostics(result.Output);
        Assert.True(diagnostics.Count == 3 && diagnostics.All(d => d.Severity == "error"),
            $"Expected SOCK001 and two SOCK002 as errors, got: {string.Join("; ", diagnostics)}{Environment.NewLine}{result}");
    }

    [Fact]
    public void Pragma_and_SuppressMessage_suppress_in_source()
    {
        var directory = fixture.NewConsumer("suppress-in-source");
        var client = ConsumerSources.Client.Replace(
            "        " + ConsumerSources.ReceiveSetting,
            "#pragma warning disable SOCK001 // the peer is on the same rack\n        " + ConsumerSources.ReceiveSetting + "\n#pragma warning restore SOCK001",
            StringComparison.Ordinal);
        Assert.NotEqual(ConsumerSources.Client, client);
        File.WriteAllText(Path.Combine(directory, ConsumerSources.ClientFile), client);
        var listener = ConsumerSources.Listener.Replace(
            "    public static Socket Create()",
            "    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"Performance\", \"SOCK002:A fixed TCP send buffer turns off send-buffer autotuning\", Justification = \"Measured\")]\n    public static Socket Create()",
            StringComparison.Ordinal);
        Assert.NotEqual(ConsumerSources.Listener, listener);
        File.WriteAllText(Path.Combine(directory, ConsumerSources.ListenerFile), listener);

        var result = PackagedConsumerFixture.Build(directory);

        Assert.True(result.ExitCode == 0, result.ToString());
        var remaining = BuildOutput.SocketDiagnostics(result.Output);
        var expected = Expected(ConsumerSources.ClientFile, client, ConsumerSources.SendSetting, "64 * 1024", "warning", "SOCK002");
        var only = Assert.Single(remaining);
        Assert.Equal(expected, (Path.GetFileName(only.File), only.Line, only.Column, only.Severity, only.Id));
    }

    [Fact]
    public void TreatWarningsAsErrors_fails_the_build()
    {
        var directory = fixture.NewConsumer("warnaserror");

        var result = PackagedConsumerFixture.Build(directory, "-p:TreatWarningsAsErrors=true");

        Assert.True(result.ExitCode != 0, $"The build should fail.{Environment.NewLine}{result}");
        var diagnostics = BuildOutput.SocketDiagnostics(result.Output);
        Assert.True(diagnostics.Count == 3 && diagnostics.All(d => d.Severity == "error"),
            $"Expected SOCK001 and two SOCK002 as errors, got: {string.Join("; ", diagnostics)}{Environment.NewLine}{result}");
    }

    private static (string File, int Line, int Column, string Severity, string Id) Expected(
        string file, string source, string lineText, string value, string severity, string id)
    {
        var (line, column) = ConsumerSources.Locate(source, lineText, value);
        return (file, line, column, severity, id);
    }

    private static void WriteEditorconfig(string directory, string setting) =>
        File.WriteAllText(Path.Combine(directory, ".editorconfig"), $"[*.cs]\n{setting}\n");
}
