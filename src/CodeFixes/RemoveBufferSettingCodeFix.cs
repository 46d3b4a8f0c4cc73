using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>"Remove the fixed buffer size" (SOCK001, SOCK002, SOCK005): deletes the statement or initializer member.</summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RemoveBufferSettingCodeFix))]
    [Shared]
    public sealed class RemoveBufferSettingCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.RemoveFixedBufferSize";
        public const string Title = "Remove the fixed buffer size";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SOCK001", "SOCK002", "SOCK005");

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Removable(root, diagnostic) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var nodes = diagnostics.Select(d => Removable(root, d)).Where(n => n != null).Cast<SyntaxNode>().Distinct().ToList();
            var tracked = root.TrackNodes(nodes);
            foreach (var node in nodes)
            {
                var current = tracked.GetCurrentNode(node);
                if (current != null)
                {
                    tracked = SettingSyntax.Remove(tracked, current);
                }
            }

            return document.WithSyntaxRoot(tracked);
        }

        private static SyntaxNode? Removable(SyntaxNode root, Diagnostic diagnostic)
        {
            var value = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var setting = SettingSyntax.SettingAround(value);
            return setting == null ? null : SettingSyntax.RemovableNode(setting);
        }
    }
}
