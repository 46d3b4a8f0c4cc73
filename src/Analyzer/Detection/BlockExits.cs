using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// The early exits of one block (<c>if (…) return;</c>, throw, break, continue), found once and indexed by the symbols
    /// their conditions read (a bool local's condition included), so that each setting looks only at the exits that can
    /// test its value: a block with N guarded settings costs N, not N².
    /// </summary>
    internal sealed class BlockExits
    {
        private readonly Dictionary<IOperation, int> _positions = new();
        private readonly Dictionary<ISymbol, List<(int Position, IConditionalOperation Exit)>> _bySymbol = new(SymbolEqualityComparer.Default);
        private readonly List<(int Position, TargetOs Os)> _platforms = new();

        public BlockExits(IBlockOperation block, MethodBody body)
        {
            var operations = block.Operations;
            for (var i = 0; i < operations.Length; i++)
            {
                _positions[operations[i]] = i;
                if (operations[i] is not IConditionalOperation { WhenTrue: { } whenTrue, WhenFalse: null } exit || !GuardFinder.Exits(whenTrue))
                {
                    continue;
                }

                All.Add((i, exit));
                if (PlatformBranch.Proves(exit.Condition, polarity: false) is { } os)
                {
                    _platforms.Add((i, os));
                }

                var read = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                Collect(exit.Condition, body, read, followLocals: true);
                foreach (var symbol in read)
                {
                    if (!_bySymbol.TryGetValue(symbol, out var list))
                    {
                        list = new List<(int, IConditionalOperation)>();
                        _bySymbol[symbol] = list;
                    }

                    list.Add((i, exit));
                }
            }
        }

        /// <summary>Every early exit of the block, in order.</summary>
        public List<(int Position, IConditionalOperation Exit)> All { get; } = new();

        /// <summary>The position of a statement of the block, or -1.</summary>
        public int PositionOf(IOperation statement) => _positions.TryGetValue(statement, out var position) ? position : -1;

        /// <summary>The early exits whose condition reads the symbol.</summary>
        public IReadOnlyList<(int Position, IConditionalOperation Exit)> Reading(ISymbol? symbol) =>
            symbol != null && _bySymbol.TryGetValue(symbol, out var list) ? list : System.Array.Empty<(int, IConditionalOperation)>();

        /// <summary>The system proven by the first platform exit before a position (<c>if (!OperatingSystem.IsLinux()) return;</c>).</summary>
        public TargetOs? PlatformBefore(int position)
        {
            foreach (var (at, os) in _platforms)
            {
                if (at < position)
                {
                    return os;
                }
            }

            return null;
        }

        private static void Collect(IOperation condition, MethodBody body, HashSet<ISymbol> read, bool followLocals)
        {
            foreach (var node in condition.DescendantsAndSelf())
            {
                ISymbol? symbol = node switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    IFieldReferenceOperation field => field.Field,
                    IPropertyReferenceOperation property => property.Property,
                    IDeclarationPatternOperation pattern => pattern.DeclaredSymbol,
                    IRecursivePatternOperation pattern => pattern.DeclaredSymbol,
                    _ => null,
                };
                if (symbol == null)
                {
                    continue;
                }

                read.Add(symbol);

                // bool configured = size > 0; if (!configured) return;  →  the exit also reads size.
                if (followLocals && node is ILocalReferenceOperation { Type.SpecialType: SpecialType.System_Boolean } flag && body.LocalWrites.Single(flag.Local) is { } held)
                {
                    Collect(held, body, read, followLocals: false);
                }
            }
        }
    }
}
