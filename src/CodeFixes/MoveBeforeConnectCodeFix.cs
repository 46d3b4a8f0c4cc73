namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>
    /// "Set it before connecting" (SOCK004): moves the setting above the connect call on the same socket when both
    /// sit in the same block and the value does not depend on anything in between. Not offered for accepted sockets
    /// or the connecting <c>TcpClient(host, port)</c> constructor.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveBeforeConnectCodeFix))]
    [Shared]
    public sealed class MoveBeforeConnectCodeFix : SocketBufferCodeFix
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.MoveBeforeConnect";
        public const string Title = "Set it before connecting";

        /// <summary>The <see cref="ReceiveBufferAfterConnectRule.TriggerProperty"/> value of a connection made by a connect call.</summary>
        private const string ConnectTrigger = "Connect";

        private static readonly string[] ConnectMethods = { "Connect", "ConnectAsync", "BeginConnect" };

        public MoveBeforeConnectCodeFix()
            : base(EquivalenceKey, Title, Descriptors.SOCK004_ReceiveBufferAfterConnect)
        {
        }

        protected override async Task<SyntaxNode?> FindTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(ReceiveBufferAfterConnectRule.TriggerProperty, out var trigger) || trigger != ConnectTrigger)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var statement = node.AncestorsAndSelf().OfType<ExpressionStatementSyntax>().FirstOrDefault();
            if (statement == null || statement.Expression.Span != diagnostic.Location.SourceSpan)
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            return model != null && FindMove(model, statement, cancellationToken) != null ? statement : null;
        }

        protected override async Task<SyntaxNode?> RewriteAsync(Document document, SyntaxNode root, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model == null || target is not StatementSyntax statement || FindMove(model, statement, cancellationToken) is not StatementSyntax connect)
            {
                return null;
            }

            // The moved statement takes the shape of the connect call's line: its own line above it, or a place beside it.
            var moved = Unit(statement);
            var before = Unit(connect);
            var ownLine = SettingSyntax.StartsLine(before.GetFirstToken());
            var shaped = ownLine
                ? moved.WithLeadingTrivia(SettingSyntax.CommentLines(moved.GetLeadingTrivia()).AddRange(SettingSyntax.Indentation(before.GetFirstToken())))
                    .WithTrailingTrivia(SettingSyntax.EndsLine(moved.GetLastToken()) ? moved.GetTrailingTrivia() : SyntaxFactory.TriviaList(SettingSyntax.EndOfLine(root)))
                : moved.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space);

            var annotation = new SyntaxAnnotation();
            root = root.ReplaceNode(before, before.WithAdditionalAnnotations(annotation));
            root = SettingSyntax.Remove(root, FindSame(root, moved), keepComments: false);
            before = root.GetAnnotatedNodes(annotation).First();
            return before switch
            {
                StatementSyntax { Parent: BlockSyntax block } s => root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(s), (StatementSyntax)shaped))),
                StatementSyntax { Parent: SwitchSectionSyntax section } s => root.ReplaceNode(section, section.WithStatements(section.Statements.Insert(section.Statements.IndexOf(s), (StatementSyntax)shaped))),
                GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } g => root.ReplaceNode(unit, unit.WithMembers(unit.Members.Insert(unit.Members.IndexOf(g), (MemberDeclarationSyntax)shaped))),
                _ => null,
            };
        }

        /// <summary>The node that moves: the statement, or at top level the global statement around it.</summary>
        private static SyntaxNode Unit(StatementSyntax statement) => statement.Parent is GlobalStatementSyntax global ? global : statement;

        private static SyntaxNode FindSame(SyntaxNode root, SyntaxNode node) =>
            root.FindNode(node.Span, getInnermostNodeForTie: false).AncestorsAndSelf().First(n => n.RawKind == node.RawKind && n.Span == node.Span);

        /// <summary>The statements around one: a block's, a switch section's, or the top-level statements.</summary>
        private static IReadOnlyList<StatementSyntax>? Siblings(StatementSyntax statement) => statement.Parent switch
        {
            BlockSyntax block => block.Statements,
            SwitchSectionSyntax section => section.Statements,
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList(),
            _ => null,
        };

        /// <summary>The connect statement to move above, or null when the move is not safe.</summary>
        private static StatementSyntax? FindMove(SemanticModel model, StatementSyntax statement, CancellationToken cancellationToken)
        {
            if (statement is not ExpressionStatementSyntax expressionStatement || Siblings(statement) is not IReadOnlyList<StatementSyntax> statements)
            {
                return null;
            }

            var socket = ReceiverRoot(model, expressionStatement.Expression, cancellationToken);
            if (socket == null)
            {
                return null;
            }

            var from = IndexOf(statements, statement);
            var to = -1;
            for (var i = 0; i < from; i++)
            {
                if (ConnectsOn(model, statements[i], socket, cancellationToken))
                {
                    to = i;
                    break;
                }
            }

            if (to < 0)
            {
                return null;
            }

            // Beside other code on the connect call's line there is no place for comment lines above the setting.
            if (!SettingSyntax.StartsLine(Unit(statements[to]).GetFirstToken()) && SettingSyntax.CommentLines(Unit(statement).GetLeadingTrivia()).Count > 0)
            {
                return null;
            }

            // The moved statement must not read anything the statements from the connect on write or declare.
            DataFlowAnalysis? read;
            DataFlowAnalysis? between;
            try
            {
                read = model.AnalyzeDataFlow(statement);
                between = model.AnalyzeDataFlow(statements[to], statements[from - 1]);
            }
            catch (System.ArgumentException)
            {
                return null;
            }

            if (read == null || between == null || !read.Succeeded || !between.Succeeded)
            {
                return null;
            }

            var changed = between.WrittenInside.Concat(between.VariablesDeclared).ToImmutableHashSet(SymbolEqualityComparer.Default);
            return read.ReadInside.Any(symbol => changed.Contains(symbol)) ? null : statements[to];
        }

        private static int IndexOf(IReadOnlyList<StatementSyntax> statements, StatementSyntax statement)
        {
            for (var i = 0; i < statements.Count; i++)
            {
                if (statements[i].Span == statement.Span)
                {
                    return i;
                }
            }

            return -1;
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
