using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Every write to a local in its method body: where it happens and the value written, or a null value where it is
    /// not visible (compound assignment, increment, ref/out argument, address taken, deconstruction, out var, pattern).
    /// </summary>
    internal static class LocalWrites
    {
        public static List<(IOperation Site, IOperation? Value)> Of(ILocalReferenceOperation reference)
        {
            var root = (IOperation)reference;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            var local = reference.Local;
            var writes = new List<(IOperation Site, IOperation? Value)>();
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                        if (initializer != null)
                        {
                            writes.Add((declarator, initializer.Value));
                        }

                        break;
                    case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, local):
                        if (other.Parent is ISimpleAssignmentOperation assignment && assignment.Target == other)
                        {
                            writes.Add((assignment, assignment.Value));
                        }
                        else if (other.IsDeclaration || IsOtherWrite(other))
                        {
                            writes.Add((other, null));
                        }

                        break;
                    case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, local):
                        writes.Add((pattern, null));
                        break;
                }
            }

            return writes;
        }

        /// <summary>The one value written to the local, when it is written exactly once and the value is visible.</summary>
        public static IOperation? Single(ILocalReferenceOperation reference)
        {
            var writes = Of(reference);
            return writes.Count == 1 ? writes[0].Value : null;
        }

        /// <summary>
        /// The one value written to the local before this read, when exactly one write can precede it: writes earlier in
        /// the text, and writes in a loop around the read (they run before it on the next iteration). Null otherwise.
        /// </summary>
        public static IOperation? SingleBefore(ILocalReferenceOperation reference)
        {
            IOperation? value = null;
            var count = 0;
            foreach (var (site, written) in Of(reference))
            {
                if (site.Syntax.SpanStart < reference.Syntax.SpanStart || InSameLoop(site, reference))
                {
                    count++;
                    value = written;
                }
            }

            return count == 1 ? value : null;
        }

        private static bool InSameLoop(IOperation write, IOperation read)
        {
            for (var current = read.Parent; current != null; current = current.Parent)
            {
                if (current is ILoopOperation loop && loop.Syntax.Span.Contains(write.Syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOtherWrite(ILocalReferenceOperation reference)
        {
            switch (reference.Parent)
            {
                case IAssignmentOperation assignment when assignment.Target == reference:
                case IIncrementOrDecrementOperation:
                case IAddressOfOperation:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                    return true;
            }

            // A deconstruction target: (size, other) = ...
            for (IOperation? current = reference.Parent; current is ITupleOperation; current = current.Parent)
            {
                if (current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
