using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SocketBufferAnalyzers.RepoScan;

/// <summary>
/// The folder's .editorconfig and .globalconfig files as the compiler applies them: one <see cref="AnalyzerConfigSet"/>,
/// its options per source path handed to analyzers (socket_buffer.* keys included), its severities
/// (dotnet_diagnostic.ID.severity) handed to the compilation, and generated_code honoured.
/// </summary>
public sealed class ConfigOptions
{
    private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> perTree = new();

    private ConfigOptions(AnalyzerConfigSet set, IReadOnlyList<string> problems)
    {
        Set = set;
        Problems = problems;
    }

    public AnalyzerConfigSet Set { get; }

    /// <summary>What the compiler would warn about the configuration files (invalid sections and the like).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// Reads the configuration files; <paramref name="buildProperties"/> become global <c>build_property.NAME</c>
    /// keys, as the SDK's generated global config carries compiler-visible MSBuild properties
    /// (the package's SocketBuffer* properties reach the analyzer that way).
    /// </summary>
    public static ConfigOptions Load(IEnumerable<string> configFiles, IReadOnlyDictionary<string, string>? buildProperties = null, string? root = null)
    {
        var configs = new List<AnalyzerConfig>();
        if (buildProperties is { Count: > 0 })
        {
            var text = new System.Text.StringBuilder("is_global = true\n");
            foreach (var (name, value) in buildProperties)
            {
                text.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
            }

            configs.Add(AnalyzerConfig.Parse(SourceText.From(text.ToString()), Path.Combine(root ?? Path.GetTempPath(), "obj", "RepoScan.GeneratedMSBuildEditorConfig.editorconfig")));
        }

        foreach (var path in configFiles)
        {
            var text = File.ReadAllText(path);
            // The SDK passes files named .globalconfig as global configurations whether or not they say is_global.
            if (Path.GetFileName(path) == ".globalconfig" && !text.Contains("is_global", StringComparison.OrdinalIgnoreCase))
            {
                text = "is_global = true\n" + text;
            }

            configs.Add(AnalyzerConfig.Parse(SourceText.From(text), path));
        }

        var set = AnalyzerConfigSet.Create(configs, out var diagnostics);
        return new ConfigOptions(set, diagnostics.Select(d => d.ToString()).ToList());
    }

    /// <summary>Resolves the options of every tree once; call before building the providers.</summary>
    public void Bind(IEnumerable<SyntaxTree> trees)
    {
        foreach (var tree in trees)
        {
            perTree[tree] = Set.GetOptionsForSourcePath(tree.FilePath);
        }
    }

    public AnalyzerConfigOptionsProvider AnalyzerOptionsProvider() => new OptionsProvider(this);

    public SyntaxTreeOptionsProvider TreeOptionsProvider() => new TreeProvider(this);

    private AnalyzerConfigOptionsResult For(SyntaxTree tree) =>
        perTree.TryGetValue(tree, out var result) ? result : Set.GetOptionsForSourcePath(tree.FilePath);

    private sealed class OptionsProvider(ConfigOptions owner) : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<SyntaxTree, AnalyzerConfigOptions> cache = owner.perTree.ToDictionary(p => p.Key, p => (AnalyzerConfigOptions)new DictionaryOptions(p.Value.AnalyzerOptions));

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(owner.Set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
            cache.TryGetValue(tree, out var options) ? options : new DictionaryOptions(owner.For(tree).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new DictionaryOptions(owner.Set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> values = values.WithComparers(KeyComparer);

        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class TreeProvider(ConfigOptions owner) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            owner.For(tree).AnalyzerOptions.TryGetValue("generated_code", out var value) && bool.TryParse(value, out var generated)
                ? generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated
                : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.For(tree).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.Set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }
}
