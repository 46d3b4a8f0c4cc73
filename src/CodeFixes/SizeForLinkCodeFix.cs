using System.Globalization;

namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>
    /// "Size it for the link" (SOCK001, SOCK002, SOCK003): writes the model's bandwidth-delay value for the configured
    /// link (capped at the kernel limit) with a comment naming the link. Offered only when the analyzer attached a value.
    /// The comment is a trailing <c>// link</c> only where the statement ends its line; anywhere else (more code on the
    /// line, an initializer, an argument, an expression body) it is <c>/* link */</c> after the value, so that it can
    /// never turn code after it into a comment.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SizeForLinkCodeFix))]
    [Shared]
    public sealed class SizeForLinkCodeFix : SocketBufferCodeFix
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.SizeForLink";

        public SizeForLinkCodeFix()
            : base(EquivalenceKey, "Size it for the link", Descriptors.SOCK001_FixedTcpReceiveBuffer, Descriptors.SOCK002_FixedTcpSendBuffer, Descriptors.SOCK003_AboveKernelLimit)
        {
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

        protected override string ActionTitle(Diagnostic diagnostic) =>
            Recommendation(diagnostic) is (long value, string link) ? "Size it for the link: " + Literal(value) + " (" + link + ")" : string.Empty;

        protected override Task<SyntaxNode?> FindTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            Task.FromResult<SyntaxNode?>(
                Recommendation(diagnostic) != null && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax value ? value : null);

        protected override Task<SyntaxNode?> RewriteAsync(Document document, SyntaxNode root, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (target is not ExpressionSyntax expression || Recommendation(diagnostic) is not (long value, string link))
            {
                return Task.FromResult<SyntaxNode?>(null);
            }

            var replacement = SyntaxFactory.ParseExpression(Literal(value)).WithTriviaFrom(expression);
            if (expression.FirstAncestorOrSelf<StatementSyntax>() is ExpressionStatementSyntax statement
                && !SettingSyntax.HasComment(statement.SemicolonToken.TrailingTrivia)
                && SettingSyntax.EndsLine(statement.SemicolonToken))
            {
                // s.ReceiveBufferSize = 256 * 1024; // 1 Gbit/s × 2 ms
                var rewritten = statement.ReplaceNode(expression, replacement);
                var semicolon = rewritten.SemicolonToken;
                var after = semicolon.TrailingTrivia;
                var start = 0;
                while (start < after.Count && after[start].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    start++;
                }

                var trailing = SyntaxFactory.TriviaList(SyntaxFactory.Space, SyntaxFactory.Comment("// " + link)).AddRange(after.Skip(start));
                return Task.FromResult<SyntaxNode?>(root.ReplaceNode(statement, rewritten.WithSemicolonToken(semicolon.WithTrailingTrivia(trailing))));
            }

            // Anywhere else: a delimited comment right after the value.
            var inline = replacement.WithTrailingTrivia(
                SyntaxFactory.TriviaList(SyntaxFactory.Space, SyntaxFactory.Comment("/* " + link + " */")).AddRange(expression.GetTrailingTrivia()));
            return Task.FromResult<SyntaxNode?>(root.ReplaceNode(expression, inline));
        }

        /// <summary>The value and the link's name the analyzer attached; null when it attached none.</summary>
        private static (long Value, string Link)? Recommendation(Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(LinkRecommendationProperties.ValueProperty, out var text)
                || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || !diagnostic.Properties.TryGetValue(LinkRecommendationProperties.LinkProperty, out var link)
                || string.IsNullOrEmpty(link))
            {
                return null;
            }

            // The link's name goes into a comment: no line break, nothing that ends a delimited comment.
            var name = link!.Replace("\r", " ").Replace("\n", " ").Replace("*/", "* /");
            return (value, name);
        }
    }
}
