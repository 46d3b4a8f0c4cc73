using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SocketBufferAnalyzers.Rules;

namespace SocketBufferAnalyzers.Tests.Verifiers
{
    /// <summary>Runs a code fix on marked sources and compares the result; Fix All runs by default in the testing library.</summary>
    internal static class CodeFixVerifier<TCodeFix>
        where TCodeFix : CodeFixProvider, new()
    {
        public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null, string? editorConfig = null) =>
            VerifyAsync(new[] { source }, new[] { fixedSource }, equivalenceKey, editorConfig);

        public static async Task VerifyAsync(string[] sources, string[] fixedSources, string? equivalenceKey = null, string? editorConfig = null)
        {
            var test = Create(equivalenceKey, editorConfig);
            for (var i = 0; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
                test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
            }

            await test.RunAsync();
        }

        public static CSharpCodeFixTest<SocketBufferAnalyzer, TCodeFix, DefaultVerifier> Create(string? equivalenceKey = null, string? editorConfig = null)
        {
            var test = new CSharpCodeFixTest<SocketBufferAnalyzer, TCodeFix, DefaultVerifier>
            {
                ReferenceAssemblies = TestReferences.None,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            TestReferences.Apply(test.TestState);
            TestReferences.Apply(test.FixedState);
            if (typeof(TCodeFix) == typeof(SocketBufferAnalyzers.CodeFixes.ShipNoFixedDefaultCodeFix))
            {
                // SOCK007 is a compilation-end diagnostic (it joins a default with setters in other files), so it is not "local".
                test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            }
            if (editorConfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
            }

            return test;
        }
    }
}
