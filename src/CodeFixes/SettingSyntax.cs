using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

        /// <summary>Removes a statement or initializer member; comments on the lines above a statement stay.</summary>
        public static SyntaxNode Remove(SyntaxNode root, SyntaxNode node)
        {
            if (node is ExpressionSyntax member && member.Parent is InitializerExpressionSyntax initializer)
            {
                return RemoveInitializerMember(root, initializer, member);
            }

            var leading = node.GetLeadingTrivia();
            var commentLines = KeptComments(leading);
            var next = node.GetLastToken().GetNextToken(includeZeroWidth: true);
            if (commentLines.Count == 0 || next.RawKind == 0)
            {
                return root.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives) ?? root;
            }

            // Move the comments above the statement onto the next token, so that only the statement goes.
            var annotated = root.ReplaceToken(next, next.WithLeadingTrivia(commentLines.AddRange(next.LeadingTrivia)));
            var current = annotated.FindNode(node.Span, getInnermostNodeForTie: false);
            while (current != null && current.RawKind != node.RawKind)
            {
                current = current.Parent;
            }

            return current == null ? root : annotated.RemoveNode(current, SyntaxRemoveOptions.KeepUnbalancedDirectives) ?? root;
        }

        private static SyntaxTriviaList KeptComments(SyntaxTriviaList leading)
        {
            // Keep everything up to the end of the last line that holds a comment; drop the statement's own indentation.
            var lastComment = -1;
            for (var i = 0; i < leading.Count; i++)
            {
                var kind = leading[i].Kind();
                if (kind == SyntaxKind.SingleLineCommentTrivia || kind == SyntaxKind.MultiLineCommentTrivia
                    || kind == SyntaxKind.SingleLineDocumentationCommentTrivia || kind == SyntaxKind.MultiLineDocumentationCommentTrivia)
                {
                    lastComment = i;
                }
            }

            if (lastComment < 0)
            {
                return SyntaxTriviaList.Empty;
            }

            var end = lastComment;
            while (end + 1 < leading.Count && !leading[end].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                end++;
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
                var lastWithoutSeparator = expressions.IndexOf(member) == expressions.Count - 1 && expressions.SeparatorCount < expressions.Count;
                return root.RemoveNode(member, lastWithoutSeparator ? SyntaxRemoveOptions.KeepTrailingTrivia : SyntaxRemoveOptions.KeepNoTrivia) ?? root;
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
