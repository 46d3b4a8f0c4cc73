using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Catalog
{
    /// <summary>
    /// Catalog rows keyed by member name and declaring type, asked for every call, creation and assignment of the code. Most
    /// members are not in the catalog: a filter on the name's length, first and last character answers them without hashing
    /// or touching the symbol any further; a name that passes is looked up, then its declaring type compared. Binding needs no
    /// member list of any type (loading a reference type's members is the compiler's work, and only for the types it uses).
    /// </summary>
    internal sealed class MemberTable<T>
    {
        private const int MaxLength = 64;

        private readonly ulong[] _first = new ulong[MaxLength];
        private readonly ulong[] _last = new ulong[MaxLength];
        private readonly Dictionary<string, List<(INamedTypeSymbol Type, ImmutableArray<T> Rows)>> _byName = new(System.StringComparer.Ordinal);

        public bool IsEmpty => _byName.Count == 0;

        /// <summary>A row for every member of that name declared by the type (every overload; <c>.ctor</c> for its constructors).</summary>
        public void Add(INamedTypeSymbol type, string memberName, T row)
        {
            if (memberName.Length == 0 || memberName.Length >= MaxLength)
            {
                return;
            }

            _first[memberName.Length] |= Bit(memberName[0]);
            _last[memberName.Length] |= Bit(memberName[memberName.Length - 1]);
            if (!_byName.TryGetValue(memberName, out var entries))
            {
                entries = new List<(INamedTypeSymbol, ImmutableArray<T>)>();
                _byName[memberName] = entries;
            }

            for (var i = 0; i < entries.Count; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(entries[i].Type, type))
                {
                    entries[i] = (type, entries[i].Rows.Add(row));
                    return;
                }
            }

            entries.Add((type, ImmutableArray.Create(row)));
        }

        /// <summary>The one row kept for a member name of a type, made on first use (a table of one row per member).</summary>
        public T Single(INamedTypeSymbol type, string memberName, System.Func<T> create)
        {
            if (_byName.TryGetValue(memberName, out var entries))
            {
                foreach (var entry in entries)
                {
                    if (SymbolEqualityComparer.Default.Equals(entry.Type, type))
                    {
                        return entry.Rows[0];
                    }
                }
            }

            var row = create();
            Add(type, memberName, row);
            return row;
        }

        /// <summary>The rows of a member (any constructed form of it, any reduced extension), or empty.</summary>
        public ImmutableArray<T> Of(ISymbol member)
        {
            var name = member.Name;
            if (name.Length == 0 || name.Length >= MaxLength
                || (_first[name.Length] & Bit(name[0])) == 0 || (_last[name.Length] & Bit(name[name.Length - 1])) == 0
                || !_byName.TryGetValue(name, out var entries))
            {
                return ImmutableArray<T>.Empty;
            }

            var definition = member is IMethodSymbol { ReducedFrom: { } extension } ? extension : member.OriginalDefinition;
            var type = definition.ContainingType?.OriginalDefinition;
            foreach (var entry in entries)
            {
                if (SymbolEqualityComparer.Default.Equals(entry.Type, type))
                {
                    return entry.Rows;
                }
            }

            return ImmutableArray<T>.Empty;
        }

        private static ulong Bit(char c) => 1UL << (c & 63);
    }
}
