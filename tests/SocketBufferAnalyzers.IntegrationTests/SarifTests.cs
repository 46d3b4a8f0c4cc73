using System.Text.Json;
using SocketBufferAnalyzers.IntegrationTests.Infrastructure;

namespace SocketBufferAnalyzers.IntegrationTests;

/// <summary>`-p:ErrorLog=path,version=2.1`: CI systems read the diagnostics and their help links from the SARIF log.</summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class SarifTests(PackagedConsumerFixture fixture)
{
    private const string HelpLinkBase = "https://github.com/SocketBufferAnalyzers/SocketBufferAnalyzers/blob/main/docs/rules/";

    [Fact]
    public void Sarif_log_has_the_results_with_locations_and_rules_with_help_links()
    {
        var build = fixture.Baseline;
        Assert.True(build.SarifPath != null && File.Exists(build.SarifPath), $"No SARIF log at {build.SarifPath}.{Environment.NewLine}{build.Result}");

        using var document = JsonDocument.Parse(File.ReadAllText(build.SarifPath!));
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToList());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("SOCK", StringComparison.Ordinal))
            .ToList();

        var found = results.Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
                var region = location.GetProperty("region");
                return (Id: r.GetProperty("ruleId").GetString()!, Level: r.GetProperty("level").GetString()!, File: Path.GetFileName(uri.LocalPath),
                    Line: region.GetProperty("startLine").GetInt32(), Column: region.GetProperty("startColumn").GetInt32(),
                    Message: r.GetProperty("message").GetProperty("text").GetString()!);
            })
            .OrderBy(r => r.File).ThenBy(r => r.Line)
            .ToList();

        var (receiveLine, receiveColumn) = ConsumerSources.Locate(ConsumerSources.Client, ConsumerSources.ReceiveSetting, "8192");
        var (sendLine, sendColumn) = ConsumerSources.Locate(ConsumerSources.Client, ConsumerSources.SendSetting, "64 * 1024");
        var (rawLine, rawColumn) = ConsumerSources.Locate(ConsumerSources.Listener, ConsumerSources.RawSendSetting, "32 * 1024");
        var expected = new[]
        {
            ("SOCK001", "warning", ConsumerSources.ClientFile, receiveLine, receiveColumn),
            ("SOCK002", "warning", ConsumerSources.ClientFile, sendLine, sendColumn),
            ("SOCK002", "warning", ConsumerSources.ListenerFile, rawLine, rawColumn),
        };
        Assert.Equal(expected, found.Select(r => (r.Id, r.Level, r.File, r.Line, r.Column)).ToArray());
        Assert.All(found, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));

        foreach (var id in new[] { "SOCK001", "SOCK002" })
        {
            // Results point at their rule by index; the rule carries the help link and the title.
            var indexes = results.Where(r => r.GetProperty("ruleId").GetString() == id).Select(r => r.GetProperty("ruleIndex").GetInt32()).Distinct().ToList();
            var rule = rules[Assert.Single(indexes)];
            Assert.Equal(id, rule.GetProperty("id").GetString());
            Assert.Equal(HelpLinkBase + id + ".md", rule.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        }
    }
}
