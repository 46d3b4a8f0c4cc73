using Microsoft.CodeAnalysis.Formatting;

namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>"Apply it only when configured" (SOCK006): wraps the setting in <c>if (value &gt; 0) { … }</c>, or <c>if (value.HasValue)</c> for <c>int?</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApplyOnlyWhenConfiguredCodeFix))]
    [Shared]
    public sealed class ApplyOnlyWhenConfiguredCodeFix : SocketBufferCodeFix
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.ApplyOnlyWhenConfigured";
        public const string Title = "Apply it only when configured";

        public ApplyOnlyWhenConfiguredCodeFix()
            : base(EquivalenceKey, Title, Descriptors.SOCK006_ConfiguredSizeUnconditional)
        {
        }

        protected override Task<SyntaxNode?> FindTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            Task.FromResult<SyntaxNode?>(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax value && Plan(value, diagnostic) != null ? value : null);

        protected override Task<SyntaxNode?> RewriteAsync(Document document, SyntaxNode root, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (target is not ExpressionSyntax value || Plan(value, diagnostic) is not (StatementSyntax statement, ExpressionSyntax condition))
            {
                return Task.FromResult<SyntaxNode?>(null);
            }

            StatementSyntax guarded;
            if (SettingSyntax.StartsLine(statement.GetFirstToken()) && SettingSyntax.EndsLine(statement.GetLastToken()))
            {
                guarded = SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()))
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }
            else
            {
                // Code beside it on its line (a one-line body, several statements on a line): the guard stays on that line.
                guarded = SyntaxFactory.ParseStatement("if (" + condition.ToFullString() + ") { " + statement.WithoutTrivia().ToFullString() + " }");
            }

            return Task.FromResult<SyntaxNode?>(root.ReplaceNode(statement, guarded.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia())));
        }

        /// <summary>
        /// The statement to wrap and the condition the analyzer advised (the same text its message shows); null when the
        /// analyzer advised none, or the value has a call that the guard would run a second time.
        /// </summary>
        private static (StatementSyntax Statement, ExpressionSyntax Condition)? Plan(ExpressionSyntax value, Diagnostic diagnostic)
        {
            var setting = SettingSyntax.SettingAround(value);
            if (setting?.Parent is not ExpressionStatementSyntax statement
                || statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
                || FixFacts.Guard(diagnostic) is not { } text
                || value.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(call => call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValueOrDefault" }))
            {
                return null;
            }

            var condition = SyntaxFactory.ParseExpression(text);
            return condition.ContainsDiagnostics ? null : (statement, condition);
        }
    }
}
