using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Formatting;

namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>
    /// What every fix of the package shares: one code action per diagnostic it can fix, all under the fix's one
    /// equivalence key, and a Fix All that makes the same edit for every diagnostic of a document it can fix, one after
    /// another on the updated document (each edit finds its node again through an annotation).
    /// <para>
    /// The Fix All does not depend on the equivalence key it is called with. <c>dotnet format</c> asks for it with the key
    /// of the first action registered for the first diagnostic in its list, which may be a diagnostic of another id, or
    /// one this fix is not offered for (a SOCK007 whose setter is unguarded, a SOCK001 with no link recommendation):
    /// the key is then null. The batch fixer only collects actions whose key equals the one asked for, so it found none
    /// and <c>dotnet format</c> reported "didn't return a Fix All action". A key of another fix still gets nothing.
    /// </para>
    /// </summary>
    public abstract class SocketBufferCodeFix : CodeFixProvider
    {
        private readonly string equivalenceKey;
        private readonly string title;
        private readonly FixAllProvider fixAll;

        protected SocketBufferCodeFix(string equivalenceKey, string title, params DiagnosticDescriptor[] fixable)
        {
            this.equivalenceKey = equivalenceKey;
            this.title = title;
            FixableDiagnosticIds = fixable.Select(descriptor => descriptor.Id).ToImmutableArray();
            fixAll = FixAllProvider.Create(FixAllInDocumentAsync);
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        public sealed override FixAllProvider GetFixAllProvider() => fixAll;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id)
                    || await FindTargetAsync(document, root, diagnostic, context.CancellationToken).ConfigureAwait(false) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(ActionTitle(diagnostic), ct => FixAsync(document, ImmutableArray.Create(diagnostic), ct), equivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The title of the action for one diagnostic: the fix's title unless a fix says more.</summary>
        protected virtual string ActionTitle(Diagnostic diagnostic) => title;

        /// <summary>The node the fix edits for this diagnostic, or null when the fix is not offered for it.</summary>
        protected abstract Task<SyntaxNode?> FindTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken);

        /// <summary>
        /// The new root after the edit of <paramref name="target"/> (a node of <paramref name="root"/>, the root of
        /// <paramref name="document"/>), or null when the edit no longer applies. Nodes annotated with
        /// <see cref="Formatter.Annotation"/> are formatted afterwards.
        /// </summary>
        protected abstract Task<SyntaxNode?> RewriteAsync(Document document, SyntaxNode root, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken);

        private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            if (context.CodeActionEquivalenceKey != null && context.CodeActionEquivalenceKey != equivalenceKey)
            {
                return null;
            }

            var fixable = diagnostics.Where(d => FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            return fixable.IsEmpty ? null : await FixAsync(document, fixable, context.CancellationToken).ConfigureAwait(false);
        }

        private async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            // One edit per node, in source order; a node named by two diagnostics (SOCK001 and SOCK003 on one value) once.
            var targets = new List<(SyntaxNode Node, Diagnostic Diagnostic)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var target = await FindTargetAsync(document, root, diagnostic, cancellationToken).ConfigureAwait(false);
                if (target != null && !targets.Any(t => t.Node.Span == target.Span && t.Node.RawKind == target.RawKind))
                {
                    targets.Add((target, diagnostic));
                }
            }

            if (targets.Count == 0)
            {
                return document;
            }

            var annotations = targets.Select(_ => new SyntaxAnnotation()).ToList();
            var nodes = targets.Select(t => t.Node).ToList();
            document = document.WithSyntaxRoot(root.ReplaceNodes(nodes, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[nodes.IndexOf(original)])));

            for (var i = 0; i < targets.Count; i++)
            {
                root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var target = root?.GetAnnotatedNodes(annotations[i]).FirstOrDefault();
                if (root == null || target == null)
                {
                    continue;
                }

                var rewritten = await RewriteAsync(document, root, target, targets[i].Diagnostic, cancellationToken).ConfigureAwait(false);
                if (rewritten != null)
                {
                    document = document.WithSyntaxRoot(rewritten);
                }
            }

            return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
