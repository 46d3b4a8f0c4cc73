using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>
    /// The methods of this compilation that return a socket (factories), each with how to resolve the join of what it returns.
    /// A type hands its factories on at its end without resolving them; only a setting whose socket comes from a factory of
    /// another type asks, at compilation end, so most factories are never resolved.
    /// </summary>
    internal sealed class SocketFactories
    {
        private readonly ConcurrentDictionary<ISymbol, System.Func<SocketOrigin>> _resolvers = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, SocketOrigin?> _resolved = new(SymbolEqualityComparer.Default);
        private readonly object _gate = new object();

        public void Add(ISymbol method, System.Func<SocketOrigin> resolve) => _resolvers.TryAdd(method.OriginalDefinition, resolve);

        /// <summary>
        /// The join of what the factory returns; unknown for a method that returns no socket it shows. A factory that returns another
        /// factory's socket asks it in turn; a cycle (one asked while it is being resolved) is unknown on that path.
        /// </summary>
        public SocketOrigin OriginOf(ISymbol method)
        {
            method = method.OriginalDefinition;
            if (!_resolvers.TryGetValue(method, out var resolve))
            {
                return SocketOrigin.Unknown;
            }

            lock (_gate)
            {
                if (_resolved.TryGetValue(method, out var known))
                {
                    return known ?? SocketOrigin.Unknown;
                }

                // In progress: a cycle back to this factory sees unknown.
                _resolved[method] = null;
                var origin = resolve();
                _resolved[method] = origin;
                return origin;
            }
        }
    }
}
