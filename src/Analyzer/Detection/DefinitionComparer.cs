using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Equality of definitions (<see cref="ISymbol.OriginalDefinition"/> of a member or parameter) by reference: a compilation
    /// hands out one symbol object per definition, so a lookup is one object hash, several times cheaper than
    /// <see cref="SymbolEqualityComparer"/>. Only for keys and lookups that are both definitions.
    /// </summary>
    internal sealed class DefinitionComparer : IEqualityComparer<ISymbol>
    {
        public static readonly DefinitionComparer Instance = new DefinitionComparer();

        public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

        public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
