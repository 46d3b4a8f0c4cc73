using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Decides whether a buffer value is a constant: what the compiler folds (<c>8192</c>, <c>32 * 1024</c>,
    /// <c>1 &lt;&lt; 16</c>, a <c>const</c> from any class), or a local with exactly one write that can precede the read, of such a constant.
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
        public static long? Fold(IOperation value, MethodBodies bodies)
        {
            var direct = AsInt64(value.ConstantValue);
            if (direct != null)
            {
                return direct;
            }

            return value is ILocalReferenceOperation local && bodies.For(local).LocalWrites.SingleBefore(local) is { } written
                ? AsInt64(BufferSettingFinder.Unwrap(written).ConstantValue)
                : null;
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
