using System.Collections.Immutable;
using System.Composition;
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
    /// "Ship no fixed default" (SOCK007): the initializer becomes <c>0</c> (or goes, for <c>int?</c>). Offered only when
    /// every setter the member reaches is guarded, since otherwise 0 itself would reach the socket.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShipNoFixedDefaultCodeFix))]
    [Shared]
    public sealed class ShipNoFixedDefaultCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.ShipNoFixedDefault";
        public const string Title = "Ship no fixed default";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SOCK007");

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
                if (!diagnostic.Properties.TryGetValue(ShippedDefaults.AllGuardedProperty, out var guarded) || guarded != "true" || Initializer(root, diagnostic) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(CodeAction.Create(Title, ct => FixAsync(context.Document, diagnostic, ct), EquivalenceKey), diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null || Initializer(root, diagnostic) is not EqualsValueClauseSyntax clause)
            {
                return document;
            }

            var nullable = model.GetTypeInfo(clause.Value, cancellationToken).ConvertedType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
            if (!nullable)
            {
                var zero = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)).WithTriviaFrom(clause.Value);
                return document.WithSyntaxRoot(root.ReplaceNode(clause.Value, zero));
            }

            // int? with no initializer: null means "not configured".
            switch (clause.Parent)
            {
                case VariableDeclaratorSyntax variable:
                    return document.WithSyntaxRoot(root.ReplaceNode(variable, variable.WithInitializer(null).WithIdentifier(variable.Identifier.WithTrailingTrivia())));
                case PropertyDeclarationSyntax property:
                    var trailing = property.SemicolonToken.TrailingTrivia;
                    var withoutInitializer = property.WithInitializer(null).WithSemicolonToken(default);
                    withoutInitializer = withoutInitializer.WithAccessorList(withoutInitializer.AccessorList!.WithoutTrailingTrivia().WithTrailingTrivia(trailing));
                    return document.WithSyntaxRoot(root.ReplaceNode(property, withoutInitializer));
                default:
                    return document;
            }
        }

        private static EqualsValueClauseSyntax? Initializer(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<EqualsValueClauseSyntax>();
    }
}
