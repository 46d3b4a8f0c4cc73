using System.Collections.Concurrent;
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

        /// <summary>The deployment described for one syntax tree (options are read per tree).</summary>
        public AnalyzerSettings SettingsFor(SyntaxTree tree) => _settings.GetOrAdd(tree, _ => AnalyzerSettings.Default);

        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            var scope = new TypeScope(this);
            context.RegisterOperationBlockStartAction(scope.OnBlockStart);
            context.RegisterSymbolEndAction(scope.OnEnd);
        }
    }
}
