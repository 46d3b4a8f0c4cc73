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
    /// </summary>
    internal sealed class Gathered<T> : IEnumerable<T>
    {
        private List<T>? _items;

        public bool IsEmpty
        {
            get
            {
                var items = Volatile.Read(ref _items);
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

        public IEnumerator<T> GetEnumerator()
        {
            var items = Volatile.Read(ref _items);
            if (items == null)
            {
                return Enumerable.Empty<T>().GetEnumerator();
            }

            lock (items)
            {
                return ((IEnumerable<T>)items.ToArray()).GetEnumerator();
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
