using SocketBufferAnalyzers.IntegrationTests.Infrastructure;

namespace SocketBufferAnalyzers.IntegrationTests;

/// <summary>
/// Team policy and deployment from MSBuild properties, as teams write them once in Directory.Build.props: the package's
/// build props select a severity preset by <c>SocketBufferAnalysisMode</c> (none / default / strict) and hand the
/// <c>SocketBuffer*</c> properties to the analyzer; .editorconfig keeps precedence over both.
/// </summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class PolicyTests(PackagedConsumerFixture fixture)
{
    /// <summary>
    /// SOCK001 on the consumer's <c>ReceiveBufferSize = 8192</c> for Linux 6.12, worked by hand from window-model.md: the buffer
    /// doubles to 16 384; from 6.11 the window is the learned ratio of it, 16 384 × 169/256 = 10 816 bytes (a third of the buffer
    /// is overhead, not 6.1's half); tcp_rmem[2] is 6 MiB before 6.16 (autotuned: 665 Mbit/s); 10 816 × 8 / 0.05 s = 1 730 560 bit/s → 1.7 Mbit/s.
    /// </summary>
    private const string Sock001OnLinux612 =
        "Receive buffer fixed at 8 KiB: Linux doubles it to 16 KiB (a third is overhead) and stops autotuning; " +
        "one connection tops out at 1.7 Mbit/s at 50 ms RTT (autotuned: 665 Mbit/s). Remove it or size it for the link.";

    [Fact]
    public void Strict_mode_makes_every_SOCK_diagnostic_an_error()
    {
        var result = Build("strict", DirectoryBuildProps(("SocketBufferAnalysisMode", "strict")));

        Assert.True(result.ExitCode != 0, $"The build should fail in strict mode.{Environment.NewLine}{result}");
        var diagnostics = BuildOutput.SocketDiagnostics(result.Output);
        Assert.True(
            diagnostics.Select(d => (d.Id, d.Severity)).Order().SequenceEqual([("SOCK001", "error"), ("SOCK002", "error"), ("SOCK002", "error")]),
            $"Expected SOCK001 and two SOCK002 as errors, got: {string.Join("; ", diagnostics)}{Environment.NewLine}{result}");
    }

    [Fact]
    public void Strict_mode_yields_to_a_severity_in_editorconfig()
    {
        var result = Build(
            "strict-editorconfig",
            DirectoryBuildProps(("SocketBufferAnalysisMode", "strict")),
            editorconfig: "dotnet_diagnostic.SOCK002.severity = warning");

        var diagnostics = BuildOutput.SocketDiagnostics(result.Output);
        Assert.True(
            diagnostics.Select(d => (d.Id, d.Severity)).Order().SequenceEqual([("SOCK001", "error"), ("SOCK002", "warning"), ("SOCK002", "warning")]),
            $"Expected SOCK001 as an error and SOCK002 as the .editorconfig's warning, got: {string.Join("; ", diagnostics)}{Environment.NewLine}{result}");
    }

    [Fact]
    public void None_mode_turns_every_SOCK_rule_off_SOCK900_included()
    {
        // The bad rmem_max would give SOCK900 in any other mode (see the next tests): none silences it too.
        var result = Build("none", DirectoryBuildProps(("SocketBufferAnalysisMode", "none"), ("SocketBufferRmemMax", "lots")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(BuildOutput.SocketDiagnostics(result.Output));
        Assert.DoesNotMatch(@"\bSOCK\d{3}\b", result.Output);
    }

    [Fact]
    public void Default_mode_keeps_each_rules_own_severity()
    {
        var result = Build("default", DirectoryBuildProps(("SocketBufferAnalysisMode", "default")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Summary(fixture.Baseline.Result.Output), Summary(result.Output));
        Assert.Contains(("SOCK001", "warning"), BuildOutput.SocketDiagnostics(result.Output).Select(d => (d.Id, d.Severity)));
    }

    [Fact]
    public void Unknown_mode_warns_and_keeps_the_default_severities()
    {
        var result = Build("unknown-mode", DirectoryBuildProps(("SocketBufferAnalysisMode", "strcit")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SocketBufferAnalysisMode 'strcit' is not one of default, strict, none", result.Output, StringComparison.Ordinal);
        Assert.Equal(Summary(fixture.Baseline.Result.Output), Summary(result.Output));
    }

    [Fact]
    public void Kernel_in_Directory_Build_props_changes_the_messages()
    {
        var result = Build("kernel-property", DirectoryBuildProps(("SocketBufferLinuxKernel", "6.12")));

        Assert.True(result.ExitCode == 0, result.ToString());
        var receive = Assert.Single(BuildOutput.SocketDiagnostics(result.Output), d => d.Id == "SOCK001");
        Assert.StartsWith(Sock001OnLinux612, receive.Message, StringComparison.Ordinal);
        var baseline = BuildOutput.SocketDiagnostics(fixture.Baseline.Result.Output).Single(d => d.Id == "SOCK001");
        // The same setting without the property is judged for 6.1: half of the doubled buffer is overhead, 1.3 Mbit/s.
        Assert.Contains("(half is overhead)", baseline.Message, StringComparison.Ordinal);
        Assert.Contains("tops out at 1.3 Mbit/s", baseline.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SOCK900", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Editorconfig_key_wins_over_the_MSBuild_property()
    {
        var result = Build(
            "key-over-property",
            DirectoryBuildProps(("SocketBufferLinuxKernel", "6.12")),
            editorconfig: "socket_buffer.linux_kernel = 6.1");

        Assert.True(result.ExitCode == 0, result.ToString());
        var receive = Assert.Single(BuildOutput.SocketDiagnostics(result.Output), d => d.Id == "SOCK001");
        var baseline = BuildOutput.SocketDiagnostics(fixture.Baseline.Result.Output).Single(d => d.Id == "SOCK001");
        Assert.Equal(baseline.Message, receive.Message);
    }

    [Fact]
    public void Bad_property_value_gives_SOCK900_naming_the_property()
    {
        var result = Build("bad-property", DirectoryBuildProps(("SocketBufferLinkRtt", "50"), ("SocketBufferLinuxKernel", "6.12")));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(
            "warning SOCK900: MSBuild property 'SocketBufferLinkRtt = 50' cannot be used: expected a positive duration with a unit (us, ms, s), such as 50ms; using 50 ms instead.",
            result.Output,
            StringComparison.Ordinal);
        // The other property still applies.
        var receive = Assert.Single(BuildOutput.SocketDiagnostics(result.Output), d => d.Id == "SOCK001");
        Assert.StartsWith(Sock001OnLinux612, receive.Message, StringComparison.Ordinal);
    }

    private ProcessResult Build(string scenario, string directoryBuildProps, string? editorconfig = null)
    {
        var directory = fixture.NewConsumer(scenario);
        // Nearer than the work root's empty one, so MSBuild imports this file, as it would a repository's.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), directoryBuildProps);
        if (editorconfig != null)
        {
            File.WriteAllText(Path.Combine(directory, ".editorconfig"), $"[*.cs]\n{editorconfig}\n");
        }

        return PackagedConsumerFixture.Build(directory);
    }

    private static string DirectoryBuildProps(params (string Name, string Value)[] properties) =>
        "<Project>\n  <PropertyGroup>\n"
        + string.Concat(properties.Select(p => $"    <{p.Name}>{p.Value}</{p.Name}>\n"))
        + "  </PropertyGroup>\n</Project>\n";

    /// <summary>File name, line, column, severity and id of each SOCK diagnostic, in order.</summary>
    private static List<string> Summary(string output) =>
        BuildOutput.SocketDiagnostics(output)
            .Select(d => $"{Path.GetFileName(d.File)}({d.Line},{d.Column}) {d.Severity} {d.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
