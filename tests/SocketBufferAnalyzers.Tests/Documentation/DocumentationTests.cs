using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Rules;

namespace SocketBufferAnalyzers.Tests.Documentation;

/// <summary>
/// Keeps the rule documentation and the release tracking in step with the descriptors the analyzer ships: every
/// diagnostic a user can see has a page at its help link, an index row, and a release-tracking line.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();
    private static readonly string RulesFolder = Path.Combine(RepositoryRoot, "docs", "rules");

    /// <summary>The sections every rule page has, in this order.</summary>
    private static readonly string[] RequiredSections =
    [
        "## What it detects",
        "## Why it matters",
        "## Examples",
        "## How to fix",
        "## When to suppress",
        "## Configuration",
    ];

    /// <summary>Rules reported once per compilation with no source location (rules.md): no #pragma can reach them.</summary>
    private static readonly string[] RulesWithoutLocation = ["SOCK900"];

    public static TheoryData<string> Ids
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var descriptor in Descriptors())
            {
                data.Add(descriptor.Id);
            }

            return data;
        }
    }

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = Descriptors().Select(d => d.Id).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches("^SOCK[0-9]{3}$", id));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_is_the_rule_page_in_the_repository(string id)
    {
        var descriptor = Descriptor(id);

        Assert.Equal(SocketBufferAnalyzers.Rules.Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.StartsWith("https://", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.EndsWith("/docs/rules/", SocketBufferAnalyzers.Rules.Descriptors.HelpLinkBase, StringComparison.Ordinal);
        Assert.True(File.Exists(PagePath(id)), $"The help link of {id} points to docs/rules/{id}.md, which does not exist.");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_starts_with_the_id_and_the_descriptor_title(string id)
    {
        var descriptor = Descriptor(id);
        var lines = File.ReadAllLines(PagePath(id));

        var firstHeading = lines.FirstOrDefault(l => l.StartsWith('#'));
        Assert.Equal($"# {id}: {descriptor.Title}", firstHeading);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_states_the_category_and_default_severity_of_the_descriptor(string id)
    {
        var descriptor = Descriptor(id);
        var table = PropertyTable(File.ReadAllText(PagePath(id)));

        Assert.Equal(id, table.GetValueOrDefault("Id"));
        Assert.Equal(descriptor.Category, table.GetValueOrDefault("Category"));
        Assert.Equal(SeverityWord(descriptor.DefaultSeverity), table.GetValueOrDefault("Default severity"));
        Assert.Equal(descriptor.IsEnabledByDefault ? "Yes" : "No", table.GetValueOrDefault("Enabled by default"));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_has_every_section_and_both_examples(string id)
    {
        var text = File.ReadAllText(PagePath(id));
        var headings = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();

        var positions = RequiredSections.Select(s => headings.IndexOf(s)).ToList();
        Assert.True(positions.All(p => p >= 0), $"docs/rules/{id}.md lacks: {string.Join(", ", RequiredSections.Where((s, i) => positions[i] < 0))}");
        Assert.True(positions.SequenceEqual(positions.Order()), $"docs/rules/{id}.md has its sections out of order: {string.Join(", ", headings)}");
        Assert.Contains("### Non-compliant", text, StringComparison.Ordinal);
        Assert.Contains("### Compliant", text, StringComparison.Ordinal);
        Assert.Contains("```csharp", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_shows_every_way_to_suppress(string id)
    {
        var text = File.ReadAllText(PagePath(id));

        Assert.Contains($"dotnet_diagnostic.{id}.severity", text, StringComparison.Ordinal);
        Assert.Contains($"SuppressMessage(\"{Descriptor(id).Category}\", \"{id}", text, StringComparison.Ordinal);
        if (RulesWithoutLocation.Contains(id))
        {
            // No source location: #pragma cannot reach it, a global config can.
            Assert.Contains(".globalconfig", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"#pragma warning disable {id}", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Release_tracking_has_the_rule_with_the_descriptor_category_and_severity(string id)
    {
        var descriptor = Descriptor(id);
        var rows = ReleaseRows();

        Assert.True(rows.TryGetValue(id, out var row), $"{id} is in neither AnalyzerReleases.Shipped.md nor AnalyzerReleases.Unshipped.md.");
        Assert.Equal(descriptor.Category, row.Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Index_has_a_row_with_link_title_category_and_severity(string id)
    {
        var descriptor = Descriptor(id);
        var rows = IndexRows();

        Assert.True(rows.TryGetValue(id, out var row), $"docs/rules/README.md has no row for {id}.");
        Assert.Equal($"[{id}]({id}.md)", row[0]);
        Assert.Equal(descriptor.Title.ToString(), row[1]);
        Assert.Equal(descriptor.Category, row[2]);
        Assert.Equal(SeverityWord(descriptor.DefaultSeverity), row[3]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_readme_lists_the_rule_with_its_title(string id)
    {
        // src/Package/PACKAGE.md is the readme nuget.org shows: its rule table must match what ships.
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "Package", "PACKAGE.md"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("| SOCK", StringComparison.Ordinal))
            .Select(Cells)
            .ToDictionary(c => c[0], c => c[1]);

        Assert.True(readme.TryGetValue(id, out var title), $"src/Package/PACKAGE.md has no row for {id}.");
        Assert.Equal(Descriptor(id).Title.ToString(), title);
    }

    [Fact]
    public void Index_and_pages_hold_no_rule_the_analyzer_does_not_ship()
    {
        var ids = Descriptors().Select(d => d.Id).ToHashSet();

        Assert.DoesNotContain(IndexRows().Keys, id => !ids.Contains(id));
        var pages = Directory.EnumerateFiles(RulesFolder, "SOCK*.md").Select(p => Path.GetFileNameWithoutExtension(p));
        Assert.DoesNotContain(pages, id => !ids.Contains(id));
    }

    [Fact]
    public void Configuration_keys_named_in_the_docs_exist_and_SOCK900_lists_them_all()
    {
        var known = OptionKeys.All.ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RulesFolder, "*.md"))
        {
            var named = ConfigurationKey().Matches(File.ReadAllText(file)).Select(m => m.Value).Distinct();
            var unknown = named.Where(k => !known.Contains(k)).ToList();
            Assert.True(unknown.Count == 0, $"{Path.GetFileName(file)} names keys the analyzer does not read: {string.Join(", ", unknown)}");
        }

        var sock900 = File.ReadAllText(PagePath("SOCK900"));
        Assert.All(OptionKeys.All, key => Assert.Contains("`" + key + "`", sock900, StringComparison.Ordinal));
    }

    [Fact]
    public void Relative_links_between_the_docs_resolve()
    {
        foreach (var file in Directory.EnumerateFiles(RulesFolder, "*.md"))
        {
            foreach (Match link in RelativeLink().Matches(File.ReadAllText(file)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                var path = Path.GetFullPath(Path.Combine(RulesFolder, target));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"{Path.GetFileName(file)} links to {target}, which does not exist.");
            }
        }
    }

    [GeneratedRegex(@"socket_buffer\.[a-z_]+[a-z]")]
    private static partial Regex ConfigurationKey();

    [GeneratedRegex(@"\]\((?<target>(?!https?:|mailto:|#)[^)\s]+)\)")]
    private static partial Regex RelativeLink();

    private static IEnumerable<DiagnosticDescriptor> Descriptors() => new SocketBufferAnalyzer().SupportedDiagnostics;

    private static DiagnosticDescriptor Descriptor(string id) => Descriptors().Single(d => d.Id == id);

    private static string PagePath(string id) => Path.Combine(RulesFolder, id + ".md");

    /// <summary>How the docs write a severity: as `.editorconfig` users know it (Info shows as a suggestion in the IDE).</summary>
    private static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "Error",
        DiagnosticSeverity.Warning => "Warning",
        DiagnosticSeverity.Info => "Info",
        _ => "Hidden",
    };

    /// <summary>The `| Name | Value |` rows of the table under a page's title.</summary>
    private static Dictionary<string, string> PropertyTable(string text) =>
        text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal))
            .Select(Cells)
            .Where(c => c.Length == 2)
            .GroupBy(c => c[0])
            .ToDictionary(g => g.Key, g => g.First()[1]);

    private static Dictionary<string, string[]> IndexRows() =>
        File.ReadAllLines(Path.Combine(RulesFolder, "README.md"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("| [SOCK", StringComparison.Ordinal))
            .Select(Cells)
            .ToDictionary(c => Regex.Match(c[0], @"SOCK\d+").Value, c => c);

    private static Dictionary<string, (string Category, string Severity)> ReleaseRows()
    {
        var rows = new Dictionary<string, (string, string)>();
        foreach (var name in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            var section = string.Empty;
            foreach (var line in File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "Analyzer", name)))
            {
                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    section = line[4..].Trim();
                    continue;
                }

                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length >= 3 && Regex.IsMatch(cells[0], @"^SOCK\d+$"))
                {
                    // A later section (Unshipped, or a later release) wins: it is the rule as it ships next.
                    // New Rules: id | category | severity; Changed Rules: id | new category | new severity | old …
                    if (section.StartsWith("Removed", StringComparison.Ordinal))
                    {
                        rows.Remove(cells[0]);
                    }
                    else
                    {
                        rows[cells[0]] = (cells[1], cells[2]);
                    }
                }
            }
        }

        return rows;
    }

    private static string[] Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();

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
