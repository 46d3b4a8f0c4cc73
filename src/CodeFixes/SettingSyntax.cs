namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>Syntax helpers shared by the fixes: from a diagnostic's value to the setting around it, and its removal.</summary>
    internal static class SettingSyntax
    {
        /// <summary>The assignment or invocation that holds the value a diagnostic sits on.</summary>
        public static ExpressionSyntax? SettingAround(SyntaxNode value)
        {
            foreach (var node in value.AncestorsAndSelf())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Right.Span.Contains(value.Span):
                        return assignment;
                    case InvocationExpressionSyntax invocation when invocation.ArgumentList.Span.Contains(value.Span)
                        && invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "SetSocketOption" or "SetRawSocketOption" }:
                        return invocation;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// The node whose removal removes the setting: its statement (in a block, a switch section or at top level),
        /// or the member of an object initializer. Null where removing would leave broken code (an embedded statement,
        /// an expression inside a larger expression).
        /// </summary>
        public static SyntaxNode? RemovableNode(ExpressionSyntax setting)
        {
            if (setting.Parent is InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression })
            {
                return setting;
            }

            if (setting.Parent is ExpressionStatementSyntax statement)
            {
                switch (statement.Parent)
                {
                    case BlockSyntax:
                    case SwitchSectionSyntax:
                        return statement;
                    case GlobalStatementSyntax global:
                        return global;
                }
            }

            return null;
        }

        /// <summary>
        /// Removes a statement or initializer member. Comment and directive lines above a statement stay where they are
        /// (with <paramref name="keepComments"/> false only the directives, for a statement that moves with its comments).
        /// The lines around keep their shape: code before the statement on its line keeps the line's end (a directive on
        /// the next line stays at the start of its line), and code after it on its line takes its indentation.
        /// </summary>
        public static SyntaxNode Remove(SyntaxNode root, SyntaxNode node, bool keepComments = true)
        {
            if (node is ExpressionSyntax member && member.Parent is InitializerExpressionSyntax initializer)
            {
                return RemoveInitializerMember(root, initializer, member);
            }

            var annotation = new SyntaxAnnotation();
            root = root.ReplaceNode(node, node.WithAdditionalAnnotations(annotation));
            node = root.GetAnnotatedNodes(annotation).First();
            var first = node.GetFirstToken();
            var last = node.GetLastToken();
            var previous = first.GetPreviousToken();
            var next = last.GetNextToken(includeZeroWidth: true);
            if (next.RawKind == 0)
            {
                return root;
            }

            var previousTrailing = previous.RawKind == 0 ? default : previous.TrailingTrivia;
            SyntaxTriviaList nextLeading;
            if (!StartsLine(first))
            {
                // Code before it on its line: that line keeps its end, so that what follows stays on its own line.
                if (EndsLine(last))
                {
                    previousTrailing = TrimEnd(previousTrailing);
                    var endOfLine = last.TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                    if (endOfLine.RawKind != 0)
                    {
                        previousTrailing = previousTrailing.Add(endOfLine);
                    }
                }

                nextLeading = next.LeadingTrivia;
            }
            else if (!EndsLine(last))
            {
                // First on its line with code after it: that code takes its place, indentation and lines above included.
                nextLeading = first.LeadingTrivia.AddRange(next.LeadingTrivia);
            }
            else
            {
                // Alone on its lines: they go, the comment and directive lines above stay (a comment before it on its
                // own line keeps that line, so the next code does not join it).
                var kept = KeptLines(first.LeadingTrivia, keepComments);
                if (kept.Count > 0 && !kept[kept.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia) && !kept[kept.Count - 1].IsDirective)
                {
                    kept = TrimEnd(kept).Add(EndOfLine(root));
                }

                nextLeading = kept.AddRange(next.LeadingTrivia);
            }

            var tokens = previous.RawKind == 0 ? new[] { first, next } : new[] { previous, first, next };
            root = root.ReplaceTokens(tokens, (original, _) =>
                original == previous ? original.WithTrailingTrivia(previousTrailing)
                : original == first ? original.WithLeadingTrivia(SyntaxTriviaList.Empty)
                : original.WithLeadingTrivia(nextLeading));
            var current = root.GetAnnotatedNodes(annotation).First();
            return root.RemoveNode(current, SyntaxRemoveOptions.KeepUnbalancedDirectives) ?? root;
        }

        /// <summary>True when nothing but trivia precedes the token on its line.</summary>
        public static bool StartsLine(SyntaxToken token)
        {
            var previous = token.GetPreviousToken();
            return previous.RawKind == 0 || HasEndOfLine(previous.TrailingTrivia) || HasEndOfLine(token.LeadingTrivia);
        }

        /// <summary>True when no code follows the token on its line.</summary>
        public static bool EndsLine(SyntaxToken token) =>
            HasEndOfLine(token.TrailingTrivia) || token.GetNextToken(includeZeroWidth: true).IsKind(SyntaxKind.EndOfFileToken);

        /// <summary>The line break the tree uses (the first one in it), or a line feed.</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode root)
        {
            var found = root.DescendantTrivia(descendIntoTrivia: false).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return found.RawKind != 0 ? found : SyntaxFactory.LineFeed;
        }

        /// <summary>The whitespace that indents the token's line, when the token starts its line.</summary>
        public static SyntaxTriviaList Indentation(SyntaxToken token)
        {
            var leading = token.LeadingTrivia;
            var start = leading.Count;
            while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                start--;
            }

            return SyntaxFactory.TriviaList(leading.Skip(start));
        }

        /// <summary>The comment lines of a leading trivia list, without directives and the token's own indentation.</summary>
        public static SyntaxTriviaList CommentLines(SyntaxTriviaList leading)
        {
            var kept = KeptLines(leading, keepComments: true);
            return SyntaxFactory.TriviaList(kept.Where(t => !t.IsDirective && !t.IsKind(SyntaxKind.DisabledTextTrivia)));
        }

        public static bool HasEndOfLine(SyntaxTriviaList trivia) => trivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));

        public static bool HasComment(SyntaxTriviaList trivia) => trivia.Any(t => IsComment(t));

        private static bool IsComment(SyntaxTrivia trivia) =>
            trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
            || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);

        private static SyntaxTriviaList TrimEnd(SyntaxTriviaList trivia)
        {
            var end = trivia.Count;
            while (end > 0 && trivia[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                end--;
            }

            return SyntaxFactory.TriviaList(trivia.Take(end));
        }

        /// <summary>The leading trivia up to the end of the last comment or directive line; not the token's own indentation.</summary>
        private static SyntaxTriviaList KeptLines(SyntaxTriviaList leading, bool keepComments)
        {
            var end = -1;
            for (var i = 0; i < leading.Count; i++)
            {
                var trivia = leading[i];
                if (trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
                {
                    // A directive holds its own line break; disabled text ends with one.
                    end = i;
                }
                else if (keepComments && IsComment(trivia))
                {
                    end = i;
                    while (end + 1 < leading.Count && !leading[end].IsKind(SyntaxKind.EndOfLineTrivia))
                    {
                        end++;
                    }
                }
            }

            if (!keepComments)
            {
                // Only directive lines stay: the comment lines between them go with the statement.
                return SyntaxFactory.TriviaList(leading.Take(end + 1).Where(t => t.IsDirective || t.IsKind(SyntaxKind.DisabledTextTrivia)));
            }

            return SyntaxFactory.TriviaList(leading.Take(end + 1));
        }

        private static SyntaxNode RemoveInitializerMember(SyntaxNode root, InitializerExpressionSyntax initializer, ExpressionSyntax member)
        {
            var remaining = initializer.Expressions.Remove(member);
            if (remaining.Count > 0)
            {
                // The last member without a trailing comma takes the comma before it: keep the space before the brace.
                var expressions = initializer.Expressions;
                var index = expressions.IndexOf(member);
                var lastWithoutSeparator = index == expressions.Count - 1 && expressions.SeparatorCount < expressions.Count;
                var options = lastWithoutSeparator ? SyntaxRemoveOptions.KeepTrailingTrivia : SyntaxRemoveOptions.KeepNoTrivia;
                var kept = KeptLines(member.GetLeadingTrivia(), keepComments: true);
                if (kept.Count == 0)
                {
                    return root.RemoveNode(member, options) ?? root;
                }

                // Comment and directive lines above the member stay, on the token after the member and its comma.
                var after = (index < expressions.SeparatorCount ? expressions.GetSeparator(index) : member.GetLastToken()).GetNextToken();
                var annotation = new SyntaxAnnotation();
                root = root.ReplaceSyntax(
                    new[] { member },
                    (_, rewritten) => rewritten.WithLeadingTrivia(SyntaxTriviaList.Empty).WithAdditionalAnnotations(annotation),
                    new[] { after },
                    (original, _) => original.WithLeadingTrivia(kept.AddRange(original.LeadingTrivia)),
                    null,
                    null);
                return root.RemoveNode(root.GetAnnotatedNodes(annotation).First(), options) ?? root;
            }

            // The only member: new TcpClient { ReceiveBufferSize = 8192 } becomes new TcpClient().
            if (initializer.Parent is ObjectCreationExpressionSyntax creation)
            {
                var withArguments = creation.ArgumentList == null
                    ? creation.WithType(creation.Type.WithoutTrailingTrivia()).WithArgumentList(SyntaxFactory.ArgumentList())
                    : creation.WithArgumentList(creation.ArgumentList.WithoutTrailingTrivia());
                var replacement = withArguments.WithInitializer(null).WithTrailingTrivia(initializer.GetTrailingTrivia());
                return root.ReplaceNode(creation, replacement);
            }

            if (initializer.Parent is ImplicitObjectCreationExpressionSyntax implicitCreation)
            {
                var replacement = implicitCreation.WithArgumentList(implicitCreation.ArgumentList.WithoutTrailingTrivia())
                    .WithInitializer(null)
                    .WithTrailingTrivia(initializer.GetTrailingTrivia());
                return root.ReplaceNode(implicitCreation, replacement);
            }

            return root.ReplaceNode(initializer, initializer.WithExpressions(remaining));
        }
    }
}
