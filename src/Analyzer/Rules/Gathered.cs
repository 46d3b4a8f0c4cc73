using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// What callbacks gather for one type: a concurrent queue allocated only when the first item arrives, since most
    /// types of a compilation gather nothing (a queue's first segment would otherwise be allocated for every type).
    /// </summary>
    internal sealed class Gathered<T> : IEnumerable<T>
    {
        private ConcurrentQueue<T>? _items;

        public bool IsEmpty => _items == null || _items.IsEmpty;

        public void Enqueue(T item)
        {
            var items = Volatile.Read(ref _items);
            if (items == null)
            {
                Interlocked.CompareExchange(ref _items, new ConcurrentQueue<T>(), null);
                items = _items!;
            }

            items.Enqueue(item);
        }

        public IEnumerator<T> GetEnumerator() => (_items ?? Enumerable.Empty<T>()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
