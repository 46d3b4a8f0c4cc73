using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SocketBufferAnalyzers.Rules;

namespace SocketBufferAnalyzers.Tests.Verifiers
{
    /// <summary>Runs the analyzer on sources with markup: <c>{|SOCK001:8192|}</c> marks an expected diagnostic (markup ignores additional locations).</summary>
    internal static class AnalyzerVerifier
    {
        public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAsync(new[] { source }, editorConfig: null, expected);

        public static async Task VerifyAsync(string[] sources, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = Create();
            for (var i = 0; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            }

            if (editorConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }

        /// <summary>
        /// The library's declarations come from a compiled reference named like the library's package assembly ("NetMQ"; the catalog
        /// looks a library's types up in assemblies named after their root namespace), as in a consumer's project; the source with
        /// markup is the consumer's code.
        /// </summary>
        public static async Task VerifyWithLibraryAsync(string assemblyName, string library, string source, params DiagnosticResult[] expected)
        {
            var test = Create();
            test.TestState.AdditionalReferences.Add(TestReferences.Compile(library, assemblyName));
            test.TestState.Sources.Add(("/0/Test0.cs", source));
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }

        public static CSharpAnalyzerTest<SocketBufferAnalyzer, DefaultVerifier> Create()
        {
            var test = new Test
            {
                ReferenceAssemblies = TestReferences.None,
            };
            TestReferences.Apply(test.TestState);
            return test;
        }

        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        /// <summary>
        /// Additional locations (the connect call of SOCK004, the tested expression of SOCK006) are facts for the fixes:
        /// they are checked where a test names them (an expected result with more than one location), ignored otherwise.
        /// </summary>
        private sealed class Test : CSharpAnalyzerTest<SocketBufferAnalyzer, DefaultVerifier>
        {
            protected override Task RunImplAsync(CancellationToken cancellationToken)
            {
                for (var i = 0; i < ExpectedDiagnostics.Count; i++)
                {
                    if (ExpectedDiagnostics[i].Spans.Length <= 1)
                    {
                        ExpectedDiagnostics[i] = ExpectedDiagnostics[i].WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
                    }
                }

                return base.RunImplAsync(cancellationToken);
            }
        }
    }
}
