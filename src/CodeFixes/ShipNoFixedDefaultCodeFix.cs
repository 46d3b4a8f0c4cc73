namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>
    /// "Ship no fixed default" (SOCK007): the initializer becomes <c>0</c> (or goes, for <c>int?</c>). Offered only when
    /// the analyzer says that every setter the member reaches has a guard that keeps 0 (or null) away from the socket;
    /// otherwise 0 itself would reach the setter and lock the buffer at the kernel's minimum.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ShipNoFixedDefaultCodeFix))]
    [Shared]
    public sealed class ShipNoFixedDefaultCodeFix : SocketBufferCodeFix
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.ShipNoFixedDefault";
        public const string Title = "Ship no fixed default";

        public ShipNoFixedDefaultCodeFix()
            : base(EquivalenceKey, Title, Descriptors.SOCK007_ShippedDefaultFixesBuffer)
        {
        }

        protected override Task<SyntaxNode?> FindTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            Task.FromResult<SyntaxNode?>(
                diagnostic.Properties.TryGetValue(ShippedDefaults.AllGuardedProperty, out var guarded) && guarded == "true"
                    ? root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<EqualsValueClauseSyntax>()
                    : null);

        protected override async Task<SyntaxNode?> RewriteAsync(Document document, SyntaxNode root, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model == null || target is not EqualsValueClauseSyntax clause)
            {
                return null;
            }

            var nullable = model.GetTypeInfo(clause.Value, cancellationToken).ConvertedType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
            if (!nullable)
            {
                var zero = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)).WithTriviaFrom(clause.Value);
                return root.ReplaceNode(clause.Value, zero);
            }

            // int? with no initializer: null means "not configured".
            switch (clause.Parent)
            {
                case VariableDeclaratorSyntax variable:
                    return root.ReplaceNode(variable, variable.WithInitializer(null).WithIdentifier(variable.Identifier.WithTrailingTrivia()));
                case PropertyDeclarationSyntax { AccessorList: not null } property:
                    var trailing = property.SemicolonToken.TrailingTrivia;
                    var withoutInitializer = property.WithInitializer(null).WithSemicolonToken(default);
                    withoutInitializer = withoutInitializer.WithAccessorList(withoutInitializer.AccessorList!.WithoutTrailingTrivia().WithTrailingTrivia(trailing));
                    return root.ReplaceNode(property, withoutInitializer);
                default:
                    return null;
            }
        }
    }
}
