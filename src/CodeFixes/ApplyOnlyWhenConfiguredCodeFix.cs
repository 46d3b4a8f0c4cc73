using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>"Apply it only when configured" (SOCK006): wraps the setting in <c>if (value &gt; 0) { … }</c>, or <c>if (value.HasValue)</c> for <c>int?</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApplyOnlyWhenConfiguredCodeFix))]
    [Shared]
    public sealed class ApplyOnlyWhenConfiguredCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.ApplyOnlyWhenConfigured";
        public const string Title = "Apply it only when configured";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SOCK006");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Plan(root, model, diagnostic, context.CancellationToken) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(CodeAction.Create(Title, ct => WrapAsync(context.Document, diagnostic, ct), EquivalenceKey), diagnostic);
            }
        }

        private static async Task<Document> WrapAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null || Plan(root, model, diagnostic, cancellationToken) is not (StatementSyntax statement, ExpressionSyntax condition))
            {
                return document;
            }

            var body = SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia());
            var guarded = SyntaxFactory.IfStatement(condition, body)
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(statement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            var newRoot = root.ReplaceNode(statement, guarded);
            return await Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The statement to wrap and the guard's condition; null when the fix does not apply.</summary>
        private static (StatementSyntax Statement, ExpressionSyntax Condition)? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                return null;
            }

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
