using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SocketBufferAnalyzers.Rules;

namespace SocketBufferAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs a code fix on marked sources and compares the result; Fix All runs by default in the testing library.
    /// Every action the fix returns (single and Fix All) is also checked on its re-parsed text: see <see cref="ReparseCheck"/>.
    /// </summary>
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
            var test = new ReparsingCodeFixTest<TCodeFix>
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

    /// <summary>The library's code fix test with the fix under test wrapped in <see cref="ReparseCheck"/>.</summary>
    internal sealed class ReparsingCodeFixTest<TCodeFix> : CSharpCodeFixTest<SocketBufferAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => base.GetCodeFixProviders().Select(ReparseCheck.Wrap);
    }

    /// <summary>
    /// A fix's result is a syntax tree, but what the user keeps is its text. A tree can hold what its text does not say:
    /// a <c>// comment</c> added after a <c>;</c> with more code on the line ends at the line's end once parsed again,
    /// and a directive joined onto a line of code is no directive. The expected fixed text of a test cannot see this
    /// (the text is the same); this check can: every changed document is parsed again from its text, and the action
    /// fails when the new tree has an error the fixed tree did not have, or differs from it in a token, comment or directive.
    /// </summary>
    internal static class ReparseCheck
    {
        public static CodeFixProvider Wrap(CodeFixProvider inner) => new CheckedProvider(inner);

        /// <summary>Throws when a changed document of <paramref name="changed"/> does not survive a round trip through its text.</summary>
        public static async Task VerifyAsync(Solution original, Solution changed, CancellationToken cancellationToken)
        {
            foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
            {
                foreach (var id in projectChanges.GetChangedDocuments().Concat(projectChanges.GetAddedDocuments()))
                {
                    var document = changed.GetDocument(id)!;
                    var tree = (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false))!;
                    var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                    var text = root.ToFullString();
                    var reparsed = CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)tree.Options, tree.FilePath, cancellationToken: cancellationToken);
                    var problem = Compare(root, await reparsed.GetRootAsync(cancellationToken).ConfigureAwait(false));
                    if (problem != null)
                    {
                        throw new InvalidOperationException(
                            $"The fixed document {document.Name} reads differently once its text is parsed again: {problem}{Environment.NewLine}Fixed text:{Environment.NewLine}{text}");
                    }
                }
            }
        }

        /// <summary>Null when the re-parsed tree says what the fixed tree says; otherwise the first difference.</summary>
        public static string? Compare(SyntaxNode fixedRoot, SyntaxNode reparsedRoot)
        {
            var before = fixedRoot.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
            foreach (var error in reparsedRoot.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                if (!before.Remove(error.Id))
                {
                    return $"new syntax error {error.Id} at {error.Location.GetLineSpan().StartLinePosition}: {error.GetMessage()}";
                }
            }

            var expected = Elements(fixedRoot).ToList();
            var actual = Elements(reparsedRoot).ToList();
            for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
            {
                var e = i < expected.Count ? expected[i] : "(end)";
                var a = i < actual.Count ? actual[i] : "(end)";
                if (e != a)
                {
                    return $"element {i} of the fixed tree is {e}, of the re-parsed tree {a}";
                }
            }

            return null;
        }

        /// <summary>Tokens, comments, directives and disabled text in order; where whitespace and line breaks sit does not count.</summary>
        private static IEnumerable<string> Elements(SyntaxNode root)
        {
            foreach (var token in root.DescendantTokens(descendIntoTrivia: true))
            {
                foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia).Where(Significant))
                {
                    yield return Describe(trivia);
                }

                yield return $"{token.Kind()} '{token.Text}'";
            }

            static bool Significant(SyntaxTrivia trivia) =>
                !trivia.IsKind(SyntaxKind.WhitespaceTrivia) && !trivia.IsKind(SyntaxKind.EndOfLineTrivia) && !trivia.HasStructure;

            static string Describe(SyntaxTrivia trivia) => $"{trivia.Kind()} '{trivia.ToString().TrimEnd()}'";
        }

        private sealed class CheckedProvider(CodeFixProvider inner) : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => inner.FixableDiagnosticIds;

            public override FixAllProvider? GetFixAllProvider() => inner.GetFixAllProvider() is FixAllProvider fixAll ? new CheckedFixAll(fixAll) : null;

            public override Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var checkedContext = new CodeFixContext(
                    context.Document,
                    context.Span,
                    context.Diagnostics,
                    (action, diagnostics) => context.RegisterCodeFix(Checked(action, context.Document.Project.Solution), diagnostics),
                    context.CancellationToken);
                return inner.RegisterCodeFixesAsync(checkedContext);
            }
        }

        private sealed class CheckedFixAll(FixAllProvider inner) : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => inner.GetSupportedFixAllScopes();

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var action = await inner.GetFixAsync(fixAllContext).ConfigureAwait(false);
                return action == null ? null : Checked(action, fixAllContext.Solution);
            }
        }

        private static CodeAction Checked(CodeAction action, Solution original) => new CheckedAction(action, original);

        private sealed class CheckedAction(CodeAction inner, Solution original) : CodeAction
        {
            public override string Title => inner.Title;

            public override string? EquivalenceKey => inner.EquivalenceKey;

            protected override async Task<IEnumerable<CodeActionOperation>> ComputeOperationsAsync(CancellationToken cancellationToken)
            {
                var operations = (await inner.GetOperationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
                foreach (var apply in operations.OfType<ApplyChangesOperation>())
                {
                    await VerifyAsync(original, apply.ChangedSolution, cancellationToken).ConfigureAwait(false);
                }

                return operations;
            }

            // The batch fixer asks an action for its changed solution rather than its operations.
            protected override async Task<Solution?> GetChangedSolutionAsync(CancellationToken cancellationToken)
            {
                var operations = await ComputeOperationsAsync(cancellationToken).ConfigureAwait(false);
                return operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
            }
        }
    }
}
