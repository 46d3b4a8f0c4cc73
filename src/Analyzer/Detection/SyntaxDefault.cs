using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// The constant initializer of a field or property read from its declaration's syntax (<c>= 32 * 1024</c>), for
    /// messages about members declared in another file; no semantic model needed. Null when it is not a plain number.
    /// </summary>
    internal static class SyntaxDefault
    {
        public static long? Of(ISymbol member)
        {
            if (member is IFieldSymbol { IsConst: true })
            {
                return null;
            }

            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var initializer = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    _ => null,
                };
                if (initializer != null)
                {
                    return Evaluate(initializer, 0);
                }
            }

            return null;
        }

        private static long? Evaluate(ExpressionSyntax expression, int depth)
        {
            if (depth > 16)
            {
                return null;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax { Token.Value: int i }:
                    return i;
                case LiteralExpressionSyntax { Token.Value: long l }:
                    return l;
                case ParenthesizedExpressionSyntax parenthesized:
                    return Evaluate(parenthesized.Expression, depth + 1);
                case CheckedExpressionSyntax @checked:
                    return Evaluate(@checked.Expression, depth + 1);
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus:
                    return -Evaluate(minus.Operand, depth + 1);
                case BinaryExpressionSyntax binary:
                    var left = Evaluate(binary.Left, depth + 1);
                    var right = Evaluate(binary.Right, depth + 1);
                    if (left is not long a || right is not long b)
                    {
                        return null;
                    }

                    return binary.Kind() switch
                    {
                        SyntaxKind.MultiplyExpression => ConstantFolder.Combine(a, Microsoft.CodeAnalysis.Operations.BinaryOperatorKind.Multiply, b),
                        SyntaxKind.AddExpression => ConstantFolder.Combine(a, Microsoft.CodeAnalysis.Operations.BinaryOperatorKind.Add, b),
                        SyntaxKind.SubtractExpression => ConstantFolder.Combine(a, Microsoft.CodeAnalysis.Operations.BinaryOperatorKind.Subtract, b),
                        SyntaxKind.LeftShiftExpression => ConstantFolder.Combine(a, Microsoft.CodeAnalysis.Operations.BinaryOperatorKind.LeftShift, b),
                        _ => null,
                    };
                default:
                    return null;
            }
        }
    }
}
