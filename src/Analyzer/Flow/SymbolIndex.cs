using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>
    /// Records by symbol definition (calls by parameter, writes by member), built at the first question. A compilation has
    /// thousands of them and the join asks about a few symbols: the index chains the entries of each symbol in one array
    /// (no list per symbol), and makes an item of a record only when its symbol is asked about. Not thread-safe: its owner
    /// (<see cref="FlowFacts"/>) asks under its lock.
    /// </summary>
    internal sealed class SymbolIndex<TRecord, TItem>
        where TItem : class
    {
        private readonly Entry[] _entries;
        private readonly System.Func<TRecord, MethodBodies, TItem> _make;
        private readonly Dictionary<ISymbol, int> _last = new(DefinitionComparer.Instance);
        private readonly Dictionary<ISymbol, IReadOnlyList<TItem>> _asked = new(DefinitionComparer.Instance);
        private int _count;

        /// <param name="capacity">How many entries will be added.</param>
        /// <param name="make">Makes the item of a record, when its symbol is first asked about.</param>
        public SymbolIndex(int capacity, System.Func<TRecord, MethodBodies, TItem> make)
        {
            _entries = new Entry[capacity];
            _make = make;
        }

        public void Add(ISymbol symbol, TItem item) => Add(symbol, new Entry { Item = item });

        public void Add(ISymbol symbol, TRecord record, MethodBodies bodies) => Add(symbol, new Entry { Record = record, Bodies = bodies });

        /// <summary>The items of the symbol (any constructed form of it), in the order they were added.</summary>
        public IReadOnlyList<TItem> Of(ISymbol symbol)
        {
            var key = symbol.OriginalDefinition;
            if (_asked.TryGetValue(key, out var known))
            {
                return known;
            }

            var found = new List<TItem>();
            for (var i = _last.TryGetValue(key, out var last) ? last : -1; i >= 0; i = _entries[i].Previous)
            {
                ref var entry = ref _entries[i];
                entry.Item ??= _make(entry.Record, entry.Bodies!);
                found.Add(entry.Item);
            }

            found.Reverse();
            _asked[key] = found;
            return found;
        }

        private void Add(ISymbol symbol, Entry entry)
        {
            var key = symbol.OriginalDefinition;
            entry.Previous = _last.TryGetValue(key, out var previous) ? previous : -1;
            _last[key] = _count;
            _entries[_count++] = entry;
        }

        private struct Entry
        {
            public TItem? Item;
            public TRecord Record;
            public MethodBodies? Bodies;
            public int Previous;
        }
    }
}
