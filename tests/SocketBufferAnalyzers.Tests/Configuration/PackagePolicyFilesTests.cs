using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Rules;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// The package's policy files stay in step with the analyzer: each <c>SocketBufferAnalysisMode</c> preset names every rule
    /// the analyzer reports (a rule added later would otherwise escape strict mode), and the build props make exactly the
    /// properties the configuration reader reads compiler-visible. The consumer builds that prove the files work are in
    /// tests/SocketBufferAnalyzers.IntegrationTests/PolicyTests.cs.
    /// </summary>
    public class PackagePolicyFilesTests
    {
        private static readonly string PackageFolder = Path.Combine(FindRepositoryRoot(), "src", "Package");

        [Theory]
        [InlineData("strict", "error")]
        [InlineData("none", "none")]
        public void Preset_sets_every_rule_of_the_analyzer(string mode, string severity)
        {
            var lines = File.ReadAllLines(Path.Combine(PackageFolder, "configuration", mode + ".globalconfig"))
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => l.Split('=', 2).Select(p => p.Trim()).ToArray())
                .ToList();

            Assert.Contains(new[] { "is_global", "true" }, lines);
            // Below the default level of a user's .globalconfig (100) and of other global configs (0): theirs win.
            Assert.Contains(new[] { "global_level", "-100" }, lines);

            var ids = new SocketBufferAnalyzer().SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            var set = lines.Where(l => l[0].StartsWith("dotnet_diagnostic.", StringComparison.Ordinal)).ToList();
            Assert.Equal(ids, set.Select(l => l[0]["dotnet_diagnostic.".Length..^".severity".Length]).Order(StringComparer.Ordinal));
            Assert.All(set, l => Assert.Equal(severity, l[1]));
            Assert.Equal(lines.Count - 2, set.Count);
        }

        [Fact]
        public void Build_props_make_the_readers_properties_compiler_visible()
        {
            var props = XDocument.Load(Path.Combine(PackageFolder, "build", "SocketBufferAnalyzers.props"));
            var visible = props.Descendants("CompilerVisibleProperty").Select(e => e.Attribute("Include")!.Value).ToList();

            Assert.Equal(OptionKeys.Properties, visible);
            Assert.Equal(OptionKeys.All.Length, OptionKeys.Properties.Length);
            Assert.All(OptionKeys.All, key => Assert.NotNull(OptionKeys.PropertyFor(key)));
        }

        [Fact]
        public void Build_props_select_only_presets_that_exist()
        {
            var props = XDocument.Load(Path.Combine(PackageFolder, "build", "SocketBufferAnalyzers.props"));
            var presets = props.Descendants("GlobalAnalyzerConfigFiles").Select(e => e.Attribute("Include")!.Value).ToList();

            Assert.Equal(2, presets.Count);
            Assert.All(presets, include =>
                Assert.True(File.Exists(Path.Combine(PackageFolder, "build", include.Replace("$(MSBuildThisFileDirectory)", string.Empty))), include));
        }

        /// <summary>The SOCK900 page's key table pairs each key with the property the reader really reads for it.</summary>
        [Fact]
        public void Docs_pair_each_key_with_its_property()
        {
            var page = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "docs", "rules", "SOCK900.md"));
            foreach (var key in OptionKeys.All)
            {
                Assert.Contains("| `" + key + "` | `" + OptionKeys.PropertyFor(key) + "` |", page, StringComparison.Ordinal);
            }

            var readme = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "README.md"));
            Assert.All(OptionKeys.Properties, property => Assert.Contains("`" + property + "`", readme, StringComparison.Ordinal));
        }

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Analyzers.sln above {AppContext.BaseDirectory}.");
        }
    }
}
