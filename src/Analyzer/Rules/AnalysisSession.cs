using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>State of one compilation's analysis: symbols, finder, model cache and settings per syntax tree.</summary>
    internal sealed class AnalysisSession
    {
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly ConcurrentDictionary<SyntaxTree, AnalyzerSettings> _settings = new();

        public AnalysisSession(SocketSymbols symbols, AnalyzerConfigOptionsProvider options)
        {
            Symbols = symbols;
            Finder = new BufferSettingFinder(symbols);
            _options = options;
        }

        public SocketSymbols Symbols { get; }

        public BufferSettingFinder Finder { get; }

        public ModelCache Cache { get; } = new ModelCache();

        /// <summary>Member defaults and the settings they reach, joined at compilation end (SOCK007).</summary>
        public ShippedDefaults Defaults { get; } = new ShippedDefaults();

        /// <summary>The deployment described for one syntax tree (options are read per tree, once).</summary>
        public AnalyzerSettings SettingsFor(SyntaxTree tree) =>
            _settings.GetOrAdd(tree, t => SettingsReader.Read(_options.GetOptions(t), new List<ConfigurationError>()));

        /// <summary>Compilation end: SOCK900 for every key that cannot be read (once per compilation), then SOCK007.</summary>
        public void OnCompilationEnd(CompilationAnalysisContext context)
        {
            var errors = new List<ConfigurationError>();
            SettingsReader.Read(_options.GlobalOptions, errors);
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                SettingsReader.Read(_options.GetOptions(tree), errors);
            }

            foreach (var error in errors.Distinct())
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK900_InvalidConfiguration, Location.None, error.Message));
            }

            Defaults.Report(context, this);
        }

        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            new TypeScope(this).Register(context);
        }
    }
}
