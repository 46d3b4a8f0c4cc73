using SocketBufferAnalyzers.IntegrationTests.Infrastructure;

namespace SocketBufferAnalyzers.IntegrationTests;

/// <summary>`dotnet format analyzers` applies the package's code fix from the command line (Fix All in a whole project).</summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class FormatTests(PackagedConsumerFixture fixture)
{
    [Fact]
    public void Dotnet_format_analyzers_applies_the_remove_fix_for_SOCK001_only()
    {
        var directory = fixture.NewConsumer("dotnet-format");

        var result = ProcessRunner.Dotnet(
            directory,
            PackagedConsumerFixture.BuildTimeout,
            "format", "analyzers", ConsumerSources.ProjectFile, "--diagnostics", "SOCK001", "--severity", "info", "--no-restore", "-v", "diag");

        // dotnet format exits 0 even when a fix throws, so the files are what counts.
        Assert.True(result.ExitCode == 0, result.ToString());
        var expectedClient = string.Join(
            "\n",
            ConsumerSources.Client.Split('\n').Where(line => !line.Contains(ConsumerSources.ReceiveSetting, StringComparison.Ordinal)));
        var client = File.ReadAllText(Path.Combine(directory, ConsumerSources.ClientFile));
        Assert.True(expectedClient == client,
            $"Client.cs after dotnet format:{Environment.NewLine}{client}{Environment.NewLine}Expected:{Environment.NewLine}{expectedClient}{Environment.NewLine}{result}");

        // Only SOCK001 was asked for: the SOCK002 settings stay.
        Assert.Equal(ConsumerSources.Listener, File.ReadAllText(Path.Combine(directory, ConsumerSources.ListenerFile)));
        Assert.Equal(ConsumerSources.Telemetry, File.ReadAllText(Path.Combine(directory, ConsumerSources.TelemetryFile)));
    }
}
