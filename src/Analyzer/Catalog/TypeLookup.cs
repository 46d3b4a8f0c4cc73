using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Catalog
{
    /// <summary>
    /// Finds the catalog's types by metadata name, once per compilation. <see cref="Compilation.GetTypeByMetadataName"/> asks
    /// every referenced assembly (about 0.1 ms per name against the SDK's ~200 reference assemblies, also for a name that is
    /// absent). A System type is asked of the framework assembly that declares it; any other name walks the merged
    /// namespaces, which end at once at an absent library's root, and a name that exactly one public (or this compilation's
    /// own) type carries is that type. Anything else (two assemblies declaring the name, an internal type of a reference) is
    /// left to <see cref="Compilation.GetTypeByMetadataName"/>, so its rules stay the compiler's.
    /// </summary>
    internal sealed class TypeLookup
    {
        private readonly Compilation _compilation;
        private readonly Dictionary<string, INamedTypeSymbol?> _found = new(System.StringComparer.Ordinal);

        // Where the framework declares the System types the catalog names, by reference pack (.NET, .NET Standard, .NET Framework),
        // in the order they are asked.
        private const int FrameworkAssemblyCount = 8;

        private List<IAssemblySymbol>? _framework;

        // Top-level namespaces no assembly declares (a library the compilation does not reference): its other names are not walked again.
        private HashSet<string>? _absentRoots;

        public TypeLookup(Compilation compilation) => _compilation = compilation;

        /// <summary>The compilation's own source declares the type (a library's repository analysed with its samples and tests).</summary>
        public bool IsOwn(INamedTypeSymbol? type) => type != null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly);

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
                type = FromFramework(metadataName) ?? (Walk(metadataName, out var unique) ? unique ?? _compilation.GetTypeByMetadataName(metadataName) : null);
                _found[metadataName] = type;
            }

            return type;
        }

        /// <summary>
        /// A System type from the framework assembly that declares it, asked directly: the merged System namespaces of the ~200
        /// reference assemblies are not built for it (a type the compilation's own source declares under that name wins).
        /// </summary>
        private INamedTypeSymbol? FromFramework(string metadataName)
        {
            if (!metadataName.StartsWith("System.", System.StringComparison.Ordinal) || _compilation.Assembly.GetTypeByMetadataName(metadataName) != null)
            {
                return null;
            }

            if (_framework == null)
            {
                // One pass over the references, keeping the few framework assemblies in the order of FrameworkAssemblies.
                var found = new IAssemblySymbol?[FrameworkAssemblyCount];
                foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
                {
                    var index = FrameworkRank(assembly.Name);
                    if (index >= 0 && found[index] == null)
                    {
                        found[index] = assembly;
                    }
                }

                _framework = new List<IAssemblySymbol>();
                foreach (var assembly in found)
                {
                    if (assembly != null)
                    {
                        _framework.Add(assembly);
                    }
                }
            }

            foreach (var assembly in _framework)
            {
                if (assembly.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } type)
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>The place of a framework assembly in the order above, or -1 (asked for each of ~200 references).</summary>
        private static int FrameworkRank(string assemblyName) => assemblyName switch
        {
            "System.Net.Sockets" => 0,
            "System.Net.Primitives" => 1,
            "System.Runtime" => 2,
            "System.Collections" => 3,
            "System.Private.CoreLib" => 4,
            "netstandard" => 5,
            "System" => 6,
            "mscorlib" => 7,
            _ => -1,
        };

        /// <summary>
        /// False when no assembly declares the name (a namespace on the path or the type is missing); otherwise true, with the type
        /// when exactly one public or own type of that name and arity exists.
        /// </summary>
        private bool Walk(string metadataName, out INamedTypeSymbol? unique)
        {
            unique = null;
            var nesting = metadataName.Split('+');
            var parts = nesting[0].Split('.');
            if (_absentRoots != null && _absentRoots.Contains(parts[0]))
            {
                return false;
            }

            INamespaceSymbol? current = _compilation.GlobalNamespace;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                current = Namespace(current, parts[i]);
                if (current == null)
                {
                    if (i == 0)
                    {
                        (_absentRoots ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(parts[0]);
                    }

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
