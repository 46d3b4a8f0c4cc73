using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SocketBufferAnalyzers.Rules;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>
    /// "Set it before connecting" (SOCK004): moves the setting above the connect call on the same socket when both
    /// sit in the same block and the value does not depend on anything in between. Not offered for accepted sockets
    /// or the connecting <c>TcpClient(host, port)</c> constructor.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveBeforeConnectCodeFix))]
    [Shared]
    public sealed class MoveBeforeConnectCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.MoveBeforeConnect";
        public const string Title = "Set it before connecting";

        private static readonly string[] ConnectMethods = { "Connect", "ConnectAsync", "BeginConnect" };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SOCK004");

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

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
                if (!diagnostic.Properties.TryGetValue(ReceiveBufferAfterConnectRule.TriggerProperty, out var trigger) || trigger != "Connect")
                {
                    continue;
                }

                var statement = SettingStatement(root, diagnostic);
                if (statement == null || FindMove(model, statement, context.CancellationToken) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => MoveAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics) =>
            await MoveAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false);

        /// <summary>Moves one setting at a time, recomputing the data flow after each move.</summary>
        private static async Task<Document> MoveAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var statements = diagnostics
                .Where(d => d.Properties.TryGetValue(ReceiveBufferAfterConnectRule.TriggerProperty, out var t) && t == "Connect")
                .Select(d => SettingStatement(root, d))
                .Where(s => s != null)
                .Cast<StatementSyntax>()
                .Distinct()
                .ToList();
            var annotations = statements.Select(_ => new SyntaxAnnotation()).ToList();
            root = root.ReplaceNodes(statements, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[statements.IndexOf(original)]));
            document = document.WithSyntaxRoot(root);

            foreach (var annotation in annotations)
            {
                root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var statement = root?.GetAnnotatedNodes(annotation).OfType<StatementSyntax>().FirstOrDefault();
                if (root == null || model == null || statement == null)
                {
                    continue;
                }

                var move = FindMove(model, statement, cancellationToken);
                if (move is not (BlockSyntax block, int from, int to))
                {
                    continue;
                }

                var list = block.Statements.RemoveAt(from).Insert(to, statement);
                document = document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(list)));
            }

            return document;
        }

        private static StatementSyntax? SettingStatement(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var statement = node.AncestorsAndSelf().OfType<ExpressionStatementSyntax>().FirstOrDefault();
            return statement != null && statement.Expression.Span == diagnostic.Location.SourceSpan && statement.Parent is BlockSyntax ? statement : null;
        }

        /// <summary>The block and the indexes to move from and to, or null when the move is not safe.</summary>
        private static (BlockSyntax Block, int From, int To)? FindMove(SemanticModel model, StatementSyntax statement, CancellationToken cancellationToken)
        {
            if (statement.Parent is not BlockSyntax block || statement is not ExpressionStatementSyntax expressionStatement)
            {
                return null;
            }

            var socket = ReceiverRoot(model, expressionStatement.Expression, cancellationToken);
            if (socket == null)
            {
                return null;
            }

            var from = block.Statements.IndexOf(statement);
            var to = -1;
            for (var i = 0; i < from; i++)
            {
                if (ConnectsOn(model, block.Statements[i], socket, cancellationToken))
                {
                    to = i;
                    break;
                }
            }

            if (to < 0)
            {
                return null;
            }

            // The moved statement must not read anything the statements from the connect on write or declare.
            var read = model.AnalyzeDataFlow(statement);
            var between = model.AnalyzeDataFlow(block.Statements[to], block.Statements[from - 1]);
            if (read == null || between == null || !read.Succeeded || !between.Succeeded)
            {
                return null;
            }

            var changed = between.WrittenInside.Concat(between.VariablesDeclared).ToImmutableHashSet(SymbolEqualityComparer.Default);
            if (read.ReadInside.Any(symbol => changed.Contains(symbol)))
            {
                return null;
            }

            return (block, from, to);
        }

        /// <summary>A simple statement of the block itself (not a nested branch or loop) that calls a connect method on the socket.</summary>
        private static bool ConnectsOn(SemanticModel model, StatementSyntax statement, ISymbol socket, CancellationToken cancellationToken) =>
            statement is ExpressionStatementSyntax or LocalDeclarationStatementSyntax
            && statement.DescendantNodesAndSelf()
                .OfType<InvocationExpressionSyntax>()
                .Any(invocation => invocation.Expression is MemberAccessExpressionSyntax access
                    && ConnectMethods.Contains(access.Name.Identifier.ValueText)
                    && SymbolEqualityComparer.Default.Equals(Root(model, access.Expression, cancellationToken), socket));

        /// <summary>The local, parameter or field the setting's receiver starts from (<c>client</c> in <c>client.Client.ReceiveBufferSize</c>).</summary>
        private static ISymbol? ReceiverRoot(SemanticModel model, ExpressionSyntax setting, CancellationToken cancellationToken)
        {
            var target = setting switch
            {
                AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax access } => access.Expression,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
                _ => null,
            };
            return target == null ? null : Root(model, target, cancellationToken);
        }

        private static ISymbol? Root(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Client" or "Server" } access:
                        expression = access.Expression;
                        continue;
                    default:
                        var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
                        return symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol ? symbol : null;
                }
            }
        }
    }
}
