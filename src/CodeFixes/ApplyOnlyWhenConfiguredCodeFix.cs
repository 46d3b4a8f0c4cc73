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

        protected override async Task<SyntaxNode?> FindTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return model != null
                && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax value
                && Plan(model, value, cancellationToken) != null
                ? value
                : null;
        }

        protected override async Task<SyntaxNode?> RewriteAsync(Document document, SyntaxNode root, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model == null || target is not ExpressionSyntax value || Plan(model, value, cancellationToken) is not (StatementSyntax statement, ExpressionSyntax condition))
            {
                return null;
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
                guarded = SyntaxFactory.ParseStatement("if (" + condition.NormalizeWhitespace().ToFullString() + ") { " + statement.WithoutTrivia().ToFullString() + " }");
            }

            return root.ReplaceNode(statement, guarded.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia()));
        }

        /// <summary>The statement to wrap and the guard's condition; null when the fix does not apply.</summary>
        private static (StatementSyntax Statement, ExpressionSyntax Condition)? Plan(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
        {
            var setting = SettingSyntax.SettingAround(value);
            if (setting?.Parent is not ExpressionStatementSyntax statement
                || statement.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax))
            {
                return null;
            }

            // Only plain reads can be evaluated twice: names, member accesses, .Value and GetValueOrDefault().
            var read = value;
            while (read is CastExpressionSyntax cast)
            {
                read = cast.Expression;
            }

            if (read is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValueOrDefault" } call, ArgumentList.Arguments.Count: 0 })
            {
                return IsSimpleRead(call.Expression) ? (statement, HasValue(call.Expression)) : null;
            }

            if (read is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } access && IsNullable(model, access.Expression, cancellationToken))
            {
                return IsSimpleRead(access.Expression) ? (statement, HasValue(access.Expression)) : null;
            }

            if (!IsSimpleRead(read))
            {
                return null;
            }

            if (IsNullable(model, read, cancellationToken))
            {
                return (statement, HasValue(read));
            }

            var condition = SyntaxFactory.BinaryExpression(
                SyntaxKind.GreaterThanExpression,
                read.WithoutTrivia(),
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)));
            return (statement, condition);
        }

        private static ExpressionSyntax HasValue(ExpressionSyntax nullable) =>
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, nullable.WithoutTrivia(), SyntaxFactory.IdentifierName("HasValue"));

        private static bool IsSimpleRead(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax member => member.Expression is ThisExpressionSyntax || IsSimpleRead(member.Expression),
            ParenthesizedExpressionSyntax parenthesized => IsSimpleRead(parenthesized.Expression),
            _ => false,
        };

        private static bool IsNullable(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken) =>
            model.GetTypeInfo(expression, cancellationToken).Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
    }
}
