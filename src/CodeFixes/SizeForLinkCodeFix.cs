using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SocketBufferAnalyzers.Rules;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>
    /// "Size it for the link" (SOCK001, SOCK002, SOCK003): writes the model's bandwidth-delay value for the configured
    /// link (capped at the kernel limit) with a comment naming the link. Offered only when the analyzer attached a value.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SizeForLinkCodeFix))]
    [Shared]
    public sealed class SizeForLinkCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.SizeForLink";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SOCK001", "SOCK002", "SOCK003");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(LinkRecommendationProperties.ValueProperty, out var text)
                    || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    || !diagnostic.Properties.TryGetValue(LinkRecommendationProperties.LinkProperty, out var link)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
                {
                    continue;
                }

                var title = "Size it for the link: " + Literal(value) + " (" + link + ")";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ReplaceAsync(context.Document, diagnostic, value, link ?? string.Empty, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>A readable literal: "256 * 1024", "8 * 1024 * 1024", or "6_250_000".</summary>
        public static string Literal(long value)
        {
            const long MiB = 1024 * 1024;
            if (value % MiB == 0)
            {
                return (value / MiB).ToString(CultureInfo.InvariantCulture) + " * 1024 * 1024";
            }

            if (value % 1024 == 0)
            {
                return (value / 1024).ToString(CultureInfo.InvariantCulture) + " * 1024";
            }

            return value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "_");
        }

        private static async Task<Document> ReplaceAsync(Document document, Diagnostic diagnostic, long value, string link, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
            {
                return document;
            }

            var replacement = SyntaxFactory.ParseExpression(Literal(value)).WithTriviaFrom(expression);
            var statement = expression.FirstAncestorOrSelf<StatementSyntax>();
            if (statement is ExpressionStatementSyntax expressionStatement && !HasComment(expressionStatement.SemicolonToken.TrailingTrivia))
            {
                // s.ReceiveBufferSize = 256 * 1024; // 1 Gbit/s × 2 ms
                var rewritten = expressionStatement.ReplaceNode(expression, replacement);
                var trailing = SyntaxFactory.TriviaList(SyntaxFactory.Space, SyntaxFactory.Comment("// " + link)).AddRange(rewritten.SemicolonToken.TrailingTrivia);
                rewritten = rewritten.WithSemicolonToken(rewritten.SemicolonToken.WithTrailingTrivia(trailing));
                return document.WithSyntaxRoot(root.ReplaceNode(expressionStatement, rewritten));
            }

            // Inside an initializer or an argument list: an inline comment after the value.
            var inline = replacement.WithTrailingTrivia(SyntaxFactory.TriviaList(SyntaxFactory.Space, SyntaxFactory.Comment("/* " + link + " */")).AddRange(expression.GetTrailingTrivia()));
            return document.WithSyntaxRoot(root.ReplaceNode(expression, inline));
        }

        private static bool HasComment(SyntaxTriviaList trivia)
        {
            foreach (var item in trivia)
            {
                if (item.IsKind(SyntaxKind.SingleLineCommentTrivia) || item.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
