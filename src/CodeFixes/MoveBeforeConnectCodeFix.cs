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

        public MoveBeforeConnectCodeFix()
            : base(EquivalenceKey, Title, Descriptors.SOCK004_ReceiveBufferAfterConnect)
        {
        }

        protected override async Task<SyntaxNode?> FindTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            // The analyzer hands over the connect call the setting follows (same method): the fix moves above that one.
            if (FixFacts.ConnectCall(diagnostic) is not { } connect || connect.SourceTree != root.SyntaxTree)
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
            return model != null && FindMove(model, statement, ConnectText(connect), cancellationToken) != null ? statement : null;
        }

        protected override async Task<SyntaxNode?> RewriteAsync(Document document, SyntaxNode root, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model == null || target is not StatementSyntax statement || FixFacts.ConnectCall(diagnostic) is not { } connectCall
                || FindMove(model, statement, ConnectText(connectCall), cancellationToken) is not StatementSyntax connect)
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
        /// <summary>The connect call's text as the analyzer saw it (Fix All edits the document in turn, so its position moves; its text does not).</summary>
        private static string ConnectText(Location connect) => connect.SourceTree?.GetText().ToString(connect.SourceSpan) ?? string.Empty;

        private static StatementSyntax? FindMove(SemanticModel model, StatementSyntax statement, string connectCall, CancellationToken cancellationToken)
        {
            if (statement is not ExpressionStatementSyntax || Siblings(statement) is not IReadOnlyList<StatementSyntax> statements)
            {
                return null;
            }

            // The connect call must be a simple statement of the same block (not inside a nested branch or loop) before the setting.
            var from = IndexOf(statements, statement);
            var to = -1;
            for (var i = 0; i < from && connectCall.Length > 0; i++)
            {
                if (statements[i] is ExpressionStatementSyntax or LocalDeclarationStatementSyntax
                    && statements[i].DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call => call.ToString() == connectCall))
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
    }
}
