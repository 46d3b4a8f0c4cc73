using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Decides whether a buffer value is a constant: what the compiler folds (<c>8192</c>, <c>32 * 1024</c>,
    /// <c>1 &lt;&lt; 16</c>, a <c>const</c> from any class), or a local written exactly once, with such a constant.
    /// </summary>
    internal static class ConstantFolder
    {
        /// <summary>The integral value of a compiler constant, or null (strings, floating point, null).</summary>
        public static long? AsInt64(Optional<object?> constant)
        {
            if (!constant.HasValue)
            {
                return null;
            }

            return constant.Value switch
            {
                int i => i,
                long l => l,
                short s => s,
                sbyte sb => sb,
                byte b => b,
                ushort us => us,
                uint ui => ui,
                ulong ul when ul <= long.MaxValue => (long)ul,
                char ch => ch,
                _ => null,
            };
        }

        /// <summary>Folds a value expression (already unwrapped) to a constant, if it is one.</summary>
        public static long? Fold(IOperation value)
        {
            var direct = AsInt64(value.ConstantValue);
            if (direct != null)
            {
                return direct;
            }

            return value is ILocalReferenceOperation local ? FoldSingleAssignmentLocal(local) : null;
        }

        private static long? FoldSingleAssignmentLocal(ILocalReferenceOperation reference)
        {
            var root = Root(reference);
            long? written = null;
            var writes = 0;
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                        var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                        if (initializer != null)
                        {
                            writes++;
                            written = AsInt64(BufferSettingFinder.Unwrap(initializer.Value).ConstantValue);
                        }

                        break;
                    case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, reference.Local) && IsWrite(other):
                        writes++;
                        written = other.Parent is ISimpleAssignmentOperation assignment && assignment.Target == other
                            ? AsInt64(BufferSettingFinder.Unwrap(assignment.Value).ConstantValue)
                            : null;
                        break;
                }

                if (writes > 1)
                {
                    return null;
                }
            }

            return writes == 1 ? written : null;
        }

        /// <summary>Whether a local reference is written: assigned, incremented, passed by ref/out, deconstructed into, or its address taken.</summary>
        private static bool IsWrite(ILocalReferenceOperation reference)
        {
            var parent = reference.Parent;
            switch (parent)
            {
                case IAssignmentOperation assignment when assignment.Target == reference:
                case IIncrementOrDecrementOperation:
                case IAddressOfOperation:
                case IArgumentOperation { Parameter: { RefKind: RefKind.Ref or RefKind.Out } }:
                    return true;
            }

            // A deconstruction target: (size, other) = ...
            for (var current = parent; current is ITupleOperation; current = current.Parent)
            {
                if (current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current)
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary>Applies a compound operator to a starting size; null when the result is not a plain integer.</summary>
        public static long? Combine(long start, BinaryOperatorKind op, long operand)
        {
            try
            {
                checked
                {
                    return op switch
                    {
                        BinaryOperatorKind.Add => start + operand,
                        BinaryOperatorKind.Subtract => start - operand,
                        BinaryOperatorKind.Multiply => start * operand,
                        BinaryOperatorKind.Divide when operand != 0 => start / operand,
                        BinaryOperatorKind.LeftShift when operand >= 0 && operand < 32 => start << (int)operand,
                        BinaryOperatorKind.RightShift when operand >= 0 && operand < 32 => start >> (int)operand,
                        _ => null,
                    };
                }
            }
            catch (OverflowException)
            {
                return null;
            }
        }
    }
}
