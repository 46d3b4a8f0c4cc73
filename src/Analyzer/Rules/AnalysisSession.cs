using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>State of one compilation's analysis: symbols and catalog, finder, model cache, and the options of each syntax tree.</summary>
    internal sealed class AnalysisSession
    {
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly ConcurrentDictionary<SyntaxTree, TreeOptions> _trees = new();

        public AnalysisSession(SocketSymbols symbols, AnalyzerConfigOptionsProvider options)
        {
            Symbols = symbols;
            Finder = new BufferSettingFinder(symbols.Catalog, symbols.BitConverter);
            LibraryDefaults = new LibraryDefaults(symbols.Catalog);
            _options = options;
            var errors = new List<ConfigurationError>();
            _globalTree = new TreeOptions(SettingsReader.Read(options.GlobalOptions, errors), new List<ConfigurationError>());
            _globalKeys = SettingsReader.RawKeys(options.GlobalOptions);
            GlobalErrors = errors;
        }

        // What a tree whose socket_buffer.* keys are those of the global options reads: the global settings (their errors are GlobalErrors).
        private readonly TreeOptions _globalTree;
        private readonly string?[] _globalKeys;

        public SocketSymbols Symbols { get; }

        public BufferSettingFinder Finder { get; }

        public ModelCache Cache { get; } = new ModelCache();

        /// <summary>Member defaults and the settings they reach, joined at compilation end (SOCK007).</summary>
        public ShippedDefaults Defaults { get; } = new ShippedDefaults();

        /// <summary>Libraries whose default locks buffers, where they are created and whether the project sets their knobs (SOCK008).</summary>
        public LibraryDefaults LibraryDefaults { get; }

        /// <summary>Errors in the global options (a .globalconfig), read once.</summary>
        public IReadOnlyList<ConfigurationError> GlobalErrors { get; }

        /// <summary>The deployment one syntax tree describes, with the errors found reading it: read once per tree.</summary>
        public TreeOptions Options(SyntaxTree tree) => _trees.GetOrAdd(tree, t =>
        {
            // Most trees see only the global keys (a .globalconfig's keys are in every tree's options): those are read once.
            var options = _options.GetOptions(t);
            if (SettingsReader.SameKeys(options, _globalKeys))
            {
                return _globalTree;
            }

            var errors = new List<ConfigurationError>();
            var settings = SettingsReader.Read(options, errors);
            return new TreeOptions(settings, errors);
        });

        public AnalyzerSettings SettingsFor(SyntaxTree tree) => Options(tree).Settings;

        /// <summary>A tree's settings, judged for the operating system an enclosing branch proves (if any).</summary>
        public AnalyzerSettings SettingsFor(SyntaxTree tree, Model.TargetOs? platform)
        {
            var settings = SettingsFor(tree);
            return platform is { } os && os != settings.Profile.Os ? new AnalyzerSettings(settings.Profile.With(os: os), settings.Link) : settings;
        }

        /// <summary>Member summaries gathered during the run and joined at its end (forwarders, callers' sockets, defaults).</summary>
        public Flow.FlowFacts Flow { get; } = new Flow.FlowFacts();

        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            Flow.EnterCompilationEnd();
            RuleSet.ReportAtCompilationEnd(context, this);
        }

        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            if (context.Symbol is INamedTypeSymbol type && !TypeScope.HoldsNoCode(type))
            {
                new TypeScope(this).Register(context);
            }
        }
    }

    /// <summary>One tree's settings and the configuration errors met reading them.</summary>
    internal sealed class TreeOptions
    {
        public TreeOptions(AnalyzerSettings settings, IReadOnlyList<ConfigurationError> errors)
        {
            Settings = settings;
            Errors = errors;
        }

        public AnalyzerSettings Settings { get; }

        public IReadOnlyList<ConfigurationError> Errors { get; }
    }
}
