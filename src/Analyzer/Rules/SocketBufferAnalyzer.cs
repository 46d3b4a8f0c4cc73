using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// The one analyzer of the package: a single detection pass finds every buffer setting, and each rule decides on
    /// the same description (see <see cref="RuleSet"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SocketBufferAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RuleSet.Descriptors;

        public override void Initialize(AnalysisContext context)
        {
            // Generated code is not analysed (no Analyze flag), so no setting, call or default is ever found in it and no diagnostic
            // can point into it. ReportDiagnostics tells the driver so: without it, the first diagnostic a type-end or compilation-end
            // action reports in a file makes the driver walk that whole file for [GeneratedCode] symbols (a quarter of the analyzer's
            // time on a repository with 27 findings).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var symbols = SocketSymbols.TryCreate(context.Compilation);
            if (symbols == null)
            {
                // No System.Net.Sockets in scope: nothing can set a socket buffer.
                return;
            }

            var session = new AnalysisSession(symbols, context.Options.AnalyzerConfigOptionsProvider);
            context.RegisterSymbolStartAction(session.OnTypeStart, SymbolKind.NamedType);
            context.RegisterCompilationEndAction(session.OnCompilationEnd);
        }
    }
}
