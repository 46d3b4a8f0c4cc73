using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>SOCK900: every <c>socket_buffer.*</c> value that cannot be read, once per compilation, from the options cached per tree.</summary>
    internal static class InvalidConfigurationRule
    {
        public static void Report(CompilationAnalysisContext context, AnalysisSession session)
        {
            var errors = session.GlobalErrors.Concat(context.Compilation.SyntaxTrees.SelectMany(tree => session.Options(tree).Errors)).Distinct();
            foreach (var error in errors)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK900_InvalidConfiguration, Location.None, error.Message));
            }
        }
    }
}
