using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Every write to every local of one method body, found in one walk: where it happens and the value written, or a null
    /// value where it is not visible (compound assignment, increment, ref/out argument, address taken, deconstruction,
    /// out var, pattern). Built once per body (<see cref="MethodBody"/>), so a method with N reads costs N, not N².
    /// </summary>
    internal sealed class LocalWrites
    {
        private readonly Dictionary<ILocalSymbol, List<(IOperation Site, IOperation? Value)>> _writes = new(SymbolEqualityComparer.Default);

        public LocalWrites(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                        if (initializer != null)
                        {
                            Add(declarator.Symbol, declarator, initializer.Value);
                        }

                        break;
                    case ILocalReferenceOperation reference:
                        if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                        {
                            Add(reference.Local, assignment, assignment.Value);
                        }
                        else if (reference.IsDeclaration || IsOtherWrite(reference))
                        {
                            Add(reference.Local, reference, null);
                        }

                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern:
                        Add(declared, pattern, null);
                        break;
                }
            }
        }

        /// <summary>Every write to the local in its body, in text order.</summary>
        public IReadOnlyList<(IOperation Site, IOperation? Value)> Of(ILocalSymbol local) =>
            _writes.TryGetValue(local, out var writes) ? writes : System.Array.Empty<(IOperation Site, IOperation? Value)>();

        /// <summary>The one value written to the local, when it is written exactly once and the value is visible.</summary>
        public IOperation? Single(ILocalSymbol local)
        {
            var writes = Of(local);
            return writes.Count == 1 ? writes[0].Value : null;
        }

        /// <summary>
        /// The one value written to the local before this read, when exactly one write can precede it: writes earlier in
        /// the text, and writes in a loop around the read (they run before it on the next iteration). Null otherwise.
        /// </summary>
        public IOperation? SingleBefore(ILocalReferenceOperation reference)
        {
            IOperation? value = null;
            var count = 0;
            foreach (var (site, written) in Of(reference.Local))
            {
                if (site.Syntax.SpanStart < reference.Syntax.SpanStart || InSameLoop(site, reference))
                {
                    count++;
                    value = written;
                }
            }

            return count == 1 ? value : null;
        }

        private void Add(ILocalSymbol local, IOperation site, IOperation? value)
        {
            if (!_writes.TryGetValue(local, out var list))
            {
                list = new List<(IOperation Site, IOperation? Value)>();
                _writes[local] = list;
            }

            list.Add((site, value));
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
