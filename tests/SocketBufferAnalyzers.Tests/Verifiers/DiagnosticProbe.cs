using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Rules;

namespace SocketBufferAnalyzers.Tests.Verifiers
{
    /// <summary>Runs the analyzer on sources and returns its diagnostics as objects, for tests of properties and additional locations.</summary>
    internal static class DiagnosticProbe
    {
        public static async Task<ImmutableArray<Diagnostic>> RunAsync(params string[] sources)
        {
            var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: $"/0/Test{i}.cs"));
            var compilation = CSharpCompilation.Create(
                "Probe",
                trees,
                TestReferences.Net100,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The probe's source does not compile: " + string.Join("; ", errors));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBufferAnalyzer())).GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        }

        public static Diagnostic Single(ImmutableArray<Diagnostic> diagnostics, string id) => Assert.Single(diagnostics, d => d.Id == id);

        /// <summary>The source text a location covers.</summary>
        public static string TextAt(Location location) => location.SourceTree!.GetText().ToString(location.SourceSpan);
    }
}
