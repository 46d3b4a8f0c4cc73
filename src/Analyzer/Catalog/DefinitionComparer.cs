using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Catalog
{
    /// <summary>
    /// Equality of member definitions (<see cref="ISymbol.OriginalDefinition"/> of a method or property) by reference: the compiler
    /// hands out one symbol object per definition in a compilation, so a lookup is one object hash. It runs for every call,
    /// creation and assignment of the code, where <see cref="SymbolEqualityComparer"/> costs several times as much.
    /// Use it only for definitions; constructed members and types with nullable annotations are not unique objects.
    /// </summary>
    internal sealed class DefinitionComparer : IEqualityComparer<ISymbol>
    {
        public static readonly DefinitionComparer Instance = new DefinitionComparer();

        public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

        public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
