using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Catalog
{
    /// <summary>
    /// Finds the catalog's types by metadata name, once per compilation. <see cref="Compilation.GetTypeByMetadataName"/> asks
    /// every referenced assembly (about 0.1 ms per name against the SDK's ~200 reference assemblies, also for a name that is
    /// absent). The merged namespaces answer at once: an absent library's names cost nothing, and a name that exactly one
    /// public (or this compilation's own) type carries is that type. Anything else (two assemblies declaring the name, an
    /// internal type of a reference) is left to <see cref="Compilation.GetTypeByMetadataName"/>, so its rules stay the compiler's.
    /// </summary>
    internal sealed class TypeLookup
    {
        private readonly Compilation _compilation;
        private readonly Dictionary<string, INamedTypeSymbol?> _found = new(System.StringComparer.Ordinal);

        public TypeLookup(Compilation compilation) => _compilation = compilation;

        /// <summary>The types found so far, by metadata name (absent names left out).</summary>
        public Dictionary<string, INamedTypeSymbol> Resolved()
        {
            var resolved = new Dictionary<string, INamedTypeSymbol>(System.StringComparer.Ordinal);
            foreach (var entry in _found)
            {
                if (entry.Value != null)
                {
                    resolved[entry.Key] = entry.Value;
                }
            }

            return resolved;
        }

        /// <summary>The type of this metadata name (<c>Ns.Outer`1+Inner</c>), or null when the compilation cannot see exactly one.</summary>
        public INamedTypeSymbol? Find(string metadataName)
        {
            if (!_found.TryGetValue(metadataName, out var type))
            {
                type = Walk(metadataName, out var unique) ? unique ?? _compilation.GetTypeByMetadataName(metadataName) : null;
                _found[metadataName] = type;
            }

            return type;
        }

        /// <summary>
        /// False when no assembly declares the name (a namespace on the path or the type is missing); otherwise true, with the type
        /// when exactly one public or own type of that name and arity exists.
        /// </summary>
        private bool Walk(string metadataName, out INamedTypeSymbol? unique)
        {
            unique = null;
            var nesting = metadataName.Split('+');
            var parts = nesting[0].Split('.');
            INamespaceSymbol? current = _compilation.GlobalNamespace;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                current = Namespace(current, parts[i]);
                if (current == null)
                {
                    return false;
                }
            }

            if (!SplitArity(parts[parts.Length - 1], out var name, out var arity))
            {
                return true;
            }

            var candidates = current.GetTypeMembers(name, arity);
            for (var i = 1; i < nesting.Length && candidates.Length == 1; i++)
            {
                if (!SplitArity(nesting[i], out name, out arity))
                {
                    return true;
                }

                candidates = candidates[0].GetTypeMembers(name, arity);
            }

            if (candidates.IsEmpty)
            {
                return false;
            }

            if (candidates.Length == 1
                && (candidates[0].DeclaredAccessibility == Accessibility.Public || SymbolEqualityComparer.Default.Equals(candidates[0].ContainingAssembly, _compilation.Assembly)))
            {
                unique = candidates[0];
            }

            return true;
        }

        private static bool SplitArity(string part, out string name, out int arity)
        {
            name = part;
            arity = 0;
            var tick = part.IndexOf('`');
            if (tick < 0)
            {
                return true;
            }

            name = part.Substring(0, tick);
            return int.TryParse(part.Substring(tick + 1), out arity);
        }

        private static INamespaceSymbol? Namespace(INamespaceSymbol parent, string name)
        {
            foreach (var member in parent.GetMembers(name))
            {
                if (member is INamespaceSymbol ns)
                {
                    return ns;
                }
            }

            return null;
        }
    }
}
