using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis.CodeFixes;
using SocketBufferAnalyzers.CodeFixes;
using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Rules;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// src/Package/RELEASE_NOTES.md (the nuspec's release notes, checked against the packed nuspec by the integration tests)
    /// names what the package really contains: the version of Directory.Build.props, every rule the analyzer reports, every
    /// code fix the CodeFixes assembly ships, and the MSBuild switches of the package's build props.
    /// </summary>
    public partial class ReleaseNotesTests
    {
        private static readonly string Root = FindRepositoryRoot();
        private static readonly string Notes = File.ReadAllText(Path.Combine(Root, "src", "Package", "RELEASE_NOTES.md"));

        [Fact]
        public void First_line_is_the_package_version()
        {
            var version = XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("SocketBufferAnalyzersVersion").Single().Value;

            Assert.Matches("^" + Regex.Escape(version) + @"\b", Notes.Split('\n')[0]);
            Assert.DoesNotContain("unreleased", Notes, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void Every_rule_is_named_with_its_default_severity()
        {
            foreach (var descriptor in new SocketBufferAnalyzer().SupportedDiagnostics)
            {
                var severity = descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Info ? "suggestion" : descriptor.DefaultSeverity.ToString().ToLowerInvariant();
                Assert.Contains("- " + descriptor.Id + " (" + severity + "):", Notes, StringComparison.Ordinal);
            }
        }

        /// <summary>Every code fix provider of the package, by the title the README's code-fix table gives it.</summary>
        [Fact]
        public void Every_code_fix_is_named()
        {
            var providers = typeof(RemoveBufferSettingCodeFix).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                .ToList();
            var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
            var table = readme[readme.IndexOf("## Code fixes", StringComparison.Ordinal)..];
            table = table[..table.IndexOf("\n\n", table.IndexOf("|---", StringComparison.Ordinal), StringComparison.Ordinal)];
            var titles = FixRow().Matches(table).Select(m => m.Groups["title"].Value.Trim()).ToList();

            Assert.Equal(providers.Count, titles.Count);
            Assert.All(titles, title => Assert.Contains("- " + title + " (SOCK", Notes, StringComparison.Ordinal));
        }

        [Fact]
        public void The_MSBuild_switches_are_named()
        {
            Assert.Contains("SocketBufferAnalysisMode", Notes, StringComparison.Ordinal);
            Assert.Contains(OptionKeys.PropertyFor(OptionKeys.LinuxKernel)!, Notes, StringComparison.Ordinal);
        }

        // A row of the README's code-fix table: | Title (optional remark) | offered on |
        [GeneratedRegex(@"^\| (?<title>[^|(]+?)(?: \([^|]*\))? \| SOCK", RegexOptions.Multiline)]
        private static partial Regex FixRow();

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
