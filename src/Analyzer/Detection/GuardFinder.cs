using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Whether a setting only runs when its value is configured: inside an <c>if</c> (or <c>?:</c>) whose condition tests
    /// the value's source (<c>size &gt; 0</c>, <c>HasValue</c>, <c>!= null</c>, <c>is int</c>), or after an
    /// <c>if (…) return;</c> that does.
    /// </summary>
    internal static class GuardFinder
    {
        public static bool IsGuarded(BufferSetting setting)
        {
            var source = ValueSource.Of(setting.Value);
            var direct = BufferSettingFinder.Unwrap(setting.Value) is ILocalReferenceOperation local ? local.Local : null;

            // No symbol to follow (a dynamic member, an indexer): the condition must test the same expression as written.
            var written = source == null && direct == null ? Unconverted(setting.Value).Syntax : null;

            IOperation child = setting.Operation;
            for (var current = child.Parent; current != null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IConditionalOperation conditional when conditional.Condition != child && Mentions(conditional.Condition, source, direct, written):
                        return true;
                    case IBlockOperation block when EarlyExitBefore(block, child, source, direct, written):
                        return true;
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        /// <summary><c>if (size &lt;= 0) return;</c> (or throw, continue, break) before the statement, in the same block.</summary>
        private static bool EarlyExitBefore(IBlockOperation block, IOperation statement, ISymbol? source, ISymbol? direct, SyntaxNode? written)
        {
            foreach (var sibling in block.Operations)
            {
                if (sibling == statement)
                {
                    return false;
                }

                if (sibling is IConditionalOperation { WhenTrue: { } whenTrue } conditional && Mentions(conditional.Condition, source, direct, written) && Exits(whenTrue))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Exits(IOperation operation) =>
            operation is IReturnOperation or IThrowOperation or IBranchOperation
            || (operation is IBlockOperation block && block.Operations.LastOrDefault() is { } last && Exits(last))
            || (operation is IExpressionStatementOperation { Operation: IThrowOperation });

        private static IOperation Unconverted(IOperation value)
        {
            value = BufferSettingFinder.Unwrap(value);
            while (value is IConversionOperation conversion)
            {
                value = BufferSettingFinder.Unwrap(conversion.Operand);
            }

            return value;
        }

        private static bool Mentions(IOperation condition, ISymbol? source, ISymbol? direct, SyntaxNode? written)
        {
            foreach (var node in condition.DescendantsAndSelf())
            {
                if (written != null && Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(node.Syntax, written))
                {
                    return true;
                }

                var symbol = node switch
                {
                    IDeclarationPatternOperation pattern => pattern.DeclaredSymbol,
                    ILocalReferenceOperation l => l.Local,
                    IParameterReferenceOperation p => p.Parameter,
                    IFieldReferenceOperation f => f.Field,
                    IPropertyReferenceOperation p => p.Property,
                    _ => (ISymbol?)null,
                };
                if (symbol != null && (SymbolEqualityComparer.Default.Equals(symbol, source) || SymbolEqualityComparer.Default.Equals(symbol, direct)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
