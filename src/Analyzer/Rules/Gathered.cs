using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// What callbacks gather for one type: a list, allocated only when the first item arrives and locked while it is
    /// written, since most types of a compilation gather nothing and the rest a few items (a concurrent queue would
    /// allocate a segment of 32 slots for each). Read at the type's end or at compilation end, through a copy.
    /// A struct, so that a type that gathers nothing allocates nothing for it: hold it in a field that is not readonly
    /// (a readonly field would hand each call a copy, and the items would be lost) and never copy it.
    /// </summary>
    internal struct Gathered<T> : IEnumerable<T>
    {
        private List<T>? _items;

        public readonly bool IsEmpty
        {
            get
            {
                // (Written only under Interlocked: a plain read sees null or the one list.)
                var items = _items;
                if (items == null)
                {
                    return true;
                }

                lock (items)
                {
                    return items.Count == 0;
                }
            }
        }

        public void Enqueue(T item)
        {
            var items = Volatile.Read(ref _items) ?? Interlocked.CompareExchange(ref _items, new List<T>(4), null) ?? _items!;
            lock (items)
            {
                items.Add(item);
            }
        }

        /// <summary>
        /// The items themselves, for the type's end to hand on without a copy: no callback of the type adds any more, and the
        /// list is not used here again (null when there are none).
        /// </summary>
        public readonly List<T>? Detach() => _items;

        public readonly IEnumerator<T> GetEnumerator()
        {
            var items = _items;
            if (items == null)
            {
                return Enumerable.Empty<T>().GetEnumerator();
            }

            lock (items)
            {
                return ((IEnumerable<T>)items.ToArray()).GetEnumerator();
            }
        }

        readonly IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
