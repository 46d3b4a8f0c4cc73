using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>A record that carries the definition it is filed under (taken in the callback, while the symbol is at hand).</summary>
    internal interface IKeyedRecord
    {
        /// <summary>The <see cref="ISymbol.OriginalDefinition"/> of the parameter or member the record belongs to.</summary>
        ISymbol Key { get; }
    }

    /// <summary>
    /// Records by symbol definition (calls by parameter, writes by member). A compilation hands on thousands of them and the
    /// join asks about a few symbols, at compilation end, when the records' symbols are long out of the processor's caches:
    /// the first questions are answered by a scan that compares the keys the records carry by reference (touching no symbol);
    /// only after many distinct questions is a dictionary built. An item is made of a record only when its symbol is asked
    /// about. Not thread-safe: its owner (<see cref="FlowFacts"/>) asks under its lock.
    /// </summary>
    internal sealed class SymbolIndex<TRecord, TItem>
        where TRecord : struct, IKeyedRecord
        where TItem : class
    {
        /// <summary>Distinct questions answered by scanning before the dictionary pays for itself.</summary>
        private const int ScansBeforeDictionary = 32;

        private readonly List<(ISymbol Key, TItem Item)> _items = new();
        private readonly List<(List<TRecord> Records, MethodBodies Bodies)> _batches = new();
        private readonly System.Func<TRecord, MethodBodies, TItem> _make;
        private readonly Dictionary<ISymbol, IReadOnlyList<TItem>> _asked = new(DefinitionComparer.Instance);
        private Dictionary<ISymbol, List<(int Batch, int Index)>>? _byKey;

        /// <param name="make">Makes the item of a record, when its symbol is first asked about.</param>
        public SymbolIndex(System.Func<TRecord, MethodBodies, TItem> make) => _make = make;

        /// <summary>An item made already (a socket argument resolved at its type's end), filed under the symbol's definition.</summary>
        public void Add(ISymbol symbol, TItem item) => _items.Add((symbol.OriginalDefinition, item));

        /// <summary>One type's records, in the order its callbacks saw them.</summary>
        public void Add(List<TRecord> records, MethodBodies bodies) => _batches.Add((records, bodies));

        /// <summary>The items of the symbol (any constructed form of it): the ready items first, then the records, in the order they were added.</summary>
        public IReadOnlyList<TItem> Of(ISymbol symbol)
        {
            var key = symbol.OriginalDefinition;
            if (_asked.TryGetValue(key, out var known))
            {
                return known;
            }

            var found = new List<TItem>();
            foreach (var (itemKey, item) in _items)
            {
                if (ReferenceEquals(itemKey, key))
                {
                    found.Add(item);
                }
            }

            if (_byKey == null && _asked.Count >= ScansBeforeDictionary)
            {
                _byKey = ByKey();
            }

            if (_byKey != null)
            {
                if (_byKey.TryGetValue(key, out var places))
                {
                    foreach (var (batch, index) in places)
                    {
                        found.Add(_make(_batches[batch].Records[index], _batches[batch].Bodies));
                    }
                }
            }
            else
            {
                foreach (var (records, bodies) in _batches)
                {
                    for (var i = 0; i < records.Count; i++)
                    {
                        if (ReferenceEquals(records[i].Key, key))
                        {
                            found.Add(_make(records[i], bodies));
                        }
                    }
                }
            }

            _asked[key] = found;
            return found;
        }

        private Dictionary<ISymbol, List<(int Batch, int Index)>> ByKey()
        {
            var byKey = new Dictionary<ISymbol, List<(int, int)>>(DefinitionComparer.Instance);
            for (var batch = 0; batch < _batches.Count; batch++)
            {
                var records = _batches[batch].Records;
                for (var i = 0; i < records.Count; i++)
                {
                    if (!byKey.TryGetValue(records[i].Key, out var places))
                    {
                        places = new List<(int, int)>(1);
                        byKey[records[i].Key] = places;
                    }

                    places.Add((batch, i));
                }
            }

            return byKey;
        }
    }
}
