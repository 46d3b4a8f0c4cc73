using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using SocketBufferAnalyzers.CodeFixes;
using Verify = SocketBufferAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketBufferAnalyzers.CodeFixes.RemoveBufferSettingCodeFix>;

namespace SocketBufferAnalyzers.Tests.Robustness
{
    /// <summary>
    /// What every code fix test of the suite relies on, pinned down on the testing library in use (Microsoft.CodeAnalysis
    /// CodeFix.Testing 1.1.4 through <see cref="Verifiers.CodeFixVerifier{TCodeFix}"/>): the fixed state is compiled and
    /// analysed again, so fixed code that does not compile, or that still has the diagnostic without saying so in its
    /// markup, fails the test; and (added by the verifier itself) every fixed document is parsed again from its text and
    /// must read as the fixed tree. If an upgrade of the library changed this, these tests would say so.
    /// </summary>
    [Trait("Category", "Robustness")]
    public class CodeFixTestGuaranteesTests
    {
        private const string Source = @"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.ReceiveBufferSize = {|SOCK001:8192|};
        s.NoDelay = true;
    }
}";

        [Fact]
        public async Task FixedCodeThatDoesNotCompileFailsTheTest()
        {
            // A fix whose output does not compile, with that very output as the expected fixed code: the text matches,
            // so only the compilation of the fixed state can fail the test.
            var exception = await Record.ExceptionAsync(() => RunAsync<BreakingCodeFix>(@"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.ReceiveBufferSize = ""8192"";
        s.NoDelay = true;
    }
}"));

            Assert.NotNull(exception);
            Assert.True(exception!.Message.Contains("CS0029", StringComparison.Ordinal), exception.Message);
        }

        [Fact]
        public async Task ADiagnosticLeftInTheFixedCodeFailsUnlessItIsExpected()
        {
            // A fix that leaves the setting in place (it only adds a comment), with that output as the expected fixed
            // code, unmarked: only the analysis of the fixed state can fail the test.
            var exception = await Record.ExceptionAsync(() => RunAsync<CommentOnlyCodeFix>(@"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.ReceiveBufferSize = 8192; // reviewed
        s.NoDelay = true;
    }
}"));

            Assert.NotNull(exception);
            Assert.True(exception!.Message.Contains("SOCK001", StringComparison.Ordinal), exception.Message);
        }

        [Fact]
        public async Task TheSameFixedCodePassesWhenTheRemainingDiagnosticIsListed()
        {
            // In a fixed state, markup of an id the fix under test can fix is ignored (MarkupMode.IgnoreFixable):
            // a diagnostic that rightly stays after the fix must be listed in FixedState.ExpectedDiagnostics.
            const string fixedSource = @"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.ReceiveBufferSize = {|SOCK001:8192|}; // reviewed
        s.NoDelay = true;
    }
}";
            var ignored = await Record.ExceptionAsync(() => RunAsync<CommentOnlyCodeFix>(fixedSource));
            Assert.NotNull(ignored);

            await RunAsync<CommentOnlyCodeFix>(fixedSource, test => test.FixedState.ExpectedDiagnostics.Add(
                new DiagnosticResult("SOCK001", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 7, 31, 7, 35)));
        }

        private static Task RunAsync<TCodeFix>(string fixedSource, Action<Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<SocketBufferAnalyzers.Rules.SocketBufferAnalyzer, TCodeFix, DefaultVerifier>>? configure = null, string source = Source)
            where TCodeFix : CodeFixProvider, new()
        {
            var test = Verifiers.CodeFixVerifier<TCodeFix>.Create();
            test.TestState.Sources.Add(("/0/Test0.cs", source));
            test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllCheck;
            configure?.Invoke(test);
            return test.RunAsync();
        }

        [Fact]
        public async Task AFixWhoseTextReadsDifferentlyOnceParsedAgainFailsTheTest()
        {
            // The double adds "// reviewed" right after the ';'. With more code on the line, the tree still holds
            // s.NoDelay = true as code, but the text comments it out. The expected fixed text is exactly that text, it
            // compiles and the remaining SOCK001 is listed: only the re-parse check of the verifier can fail the test.
            const string oneLine = @"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.ReceiveBufferSize = {|SOCK001:8192|}; s.NoDelay = true;
    }
}";
            var exception = await Record.ExceptionAsync(() => RunAsync<CommentBesideCodeFix>(
                @"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.ReceiveBufferSize = 8192; // reviewed s.NoDelay = true;
    }
}",
                test => test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK001", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 7, 31, 7, 35)),
                oneLine));

            Assert.NotNull(exception);
            Assert.True(exception!.Message.Contains("reads differently once its text is parsed again", StringComparison.Ordinal), exception.Message);

            // The same double where the statement ends its line: nothing is commented out, and the same checks pass.
            await RunAsync<CommentBesideCodeFix>(
                @"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.ReceiveBufferSize = 8192; // reviewed
        s.NoDelay = true;
    }
}",
                test => test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK001", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 7, 31, 7, 35)));
        }

        [Fact]
        public async Task TheLibraryAloneComparesTheFixedTreeWithTheParsedExpectedText()
        {
            // Without the verifier's wrapper, CodeFix.Testing 1.1.4 still fails the same case: it compares the fixed tree
            // with the tree parsed from the expected text. The verifier's own check does not depend on this.
            var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpCodeFixTest<SocketBufferAnalyzers.Rules.SocketBufferAnalyzer, CommentBesideCodeFix, DefaultVerifier>
            {
                ReferenceAssemblies = Verifiers.TestReferences.None,
            };
            Verifiers.TestReferences.Apply(test.TestState);
            Verifiers.TestReferences.Apply(test.FixedState);
            test.TestState.Sources.Add(("/0/Test0.cs", "using System.Net.Sockets;\nclass C { void M(Socket s) { s.ReceiveBufferSize = {|SOCK001:8192|}; s.NoDelay = true; } }\n"));
            test.FixedState.Sources.Add(("/0/Test0.cs", "using System.Net.Sockets;\nclass C { void M(Socket s) { s.ReceiveBufferSize = 8192; // reviewed s.NoDelay = true; } }\n"));
            test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult("SOCK001", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 2, 54, 2, 58));
            test.FixedState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1513").WithSpan("/0/Test0.cs", 2, 95, 2, 95));
            test.FixedState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1513").WithSpan("/0/Test0.cs", 2, 95, 2, 95));

            var exception = await Record.ExceptionAsync(() => test.RunAsync());

            Assert.NotNull(exception);
            Assert.True(exception!.Message.Contains("Node(CompilationUnit)", StringComparison.Ordinal), exception.Message);
        }

        [Fact]
        public void TheReparseCheckSeesADirectiveJoinedOntoALineOfCode()
        {
            // A tree where the line break before "#if" is gone: in the tree "#if" is still a directive; in the text it is not.
            var tree = CSharpSyntaxTree.ParseText("class C { void M() { int a = 0;\n#if DEBUG\n a++;\n#endif\n } }");
            var root = tree.GetRoot();
            var semicolon = root.DescendantTokens().First(t => t.IsKind(SyntaxKind.SemicolonToken));
            var joined = root.ReplaceToken(semicolon, semicolon.WithTrailingTrivia(SyntaxFactory.Space));

            Assert.Null(Verifiers.ReparseCheck.Compare(root, CSharpSyntaxTree.ParseText(root.ToFullString()).GetRoot()));
            var problem = Verifiers.ReparseCheck.Compare(joined, CSharpSyntaxTree.ParseText(joined.ToFullString()).GetRoot());
            Assert.NotNull(problem);
            Assert.Contains("CS1040", problem, StringComparison.Ordinal);
        }

        [Fact]
        public async Task TheRealFixPassesTheSameChecks() => await Verify.VerifyAsync(Source, @"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.NoDelay = true;
    }
}", RemoveBufferSettingCodeFix.EquivalenceKey);

        [Fact]
        public async Task TheFixedStateInheritsTheTestStateEditorConfig()
        {
            // CodeFixVerifier adds an .editorconfig to TestState only. Here it turns SOCK002 off; the fixed code keeps an
            // unmarked send buffer setting. If FixedState did not inherit the file, SOCK002 would be reported there and the
            // fixed state would be analysed with another deployment than the input.
            var test = Verify.Create(RemoveBufferSettingCodeFix.EquivalenceKey, editorConfig: "dotnet_diagnostic.SOCK002.severity = none\n");
            test.TestState.Sources.Add(@"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.ReceiveBufferSize = {|SOCK001:8192|};
        s.SendBufferSize = 8192;
    }
}");
            test.FixedState.Sources.Add(@"
using System.Net.Sockets;
class C
{
    void M(Socket s)
    {
        s.SendBufferSize = 8192;
    }
}");
            await test.RunAsync();
        }

        /// <summary>Test double: replaces the value with a string literal, so the fixed code does not compile.</summary>
        private sealed class BreakingCodeFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SOCK001");

            public override FixAllProvider? GetFixAllProvider() => null;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
                var value = root.FindNode(context.Span, getInnermostNodeForTie: true);
                context.RegisterCodeFix(
                    CodeAction.Create("Break it", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value,
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value.ToString())).WithTriviaFrom(value)))), "Break"),
                    context.Diagnostics);
            }
        }

        /// <summary>Test double: puts "// reviewed" right after the statement's ';', before whatever follows on its line.</summary>
        private sealed class CommentBesideCodeFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SOCK001");

            public override FixAllProvider? GetFixAllProvider() => null;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
                var statement = root.FindNode(context.Span).FirstAncestorOrSelf<ExpressionStatementSyntax>()!;
                var semicolon = statement.SemicolonToken;
                if (semicolon.TrailingTrivia.ToFullString().Contains("reviewed", StringComparison.Ordinal))
                {
                    return;
                }

                var commented = semicolon.WithTrailingTrivia(SyntaxFactory.TriviaList(SyntaxFactory.Space, SyntaxFactory.Comment("// reviewed")).AddRange(semicolon.TrailingTrivia));
                context.RegisterCodeFix(
                    CodeAction.Create("Comment", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(semicolon, commented))), "Comment"),
                    context.Diagnostics);
            }
        }

        /// <summary>Test double: adds a trailing comment once and leaves the setting, so the diagnostic stays.</summary>
        private sealed class CommentOnlyCodeFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SOCK001");

            public override FixAllProvider? GetFixAllProvider() => null;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = (await context.Document.GetSyntaxRootAsync(context.CancellationToken))!;
                var statement = root.FindNode(context.Span).FirstAncestorOrSelf<StatementSyntax>()!;
                if (statement.GetTrailingTrivia().ToFullString().Contains("reviewed", StringComparison.Ordinal))
                {
                    return;
                }

                var commented = statement.WithTrailingTrivia(SyntaxFactory.Space, SyntaxFactory.Comment("// reviewed"), SyntaxFactory.LineFeed);
                context.RegisterCodeFix(
                    CodeAction.Create("Comment", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(statement, commented))), "Comment"),
                    context.Diagnostics);
            }
        }
    }
}
