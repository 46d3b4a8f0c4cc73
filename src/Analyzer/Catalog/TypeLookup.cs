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
    /// left to <see cref="Compilation.GetTypeByMetadataName"/>, so its rules stay the compiler's. Whether a library's root
    /// namespace exists at all is asked only of the compilation's own source and of the references that are not the
    /// framework's (most compilations reference a few hundred framework assemblies and no client library).
    /// </summary>
    internal sealed class TypeLookup
    {
        private readonly Compilation _compilation;
        private readonly Dictionary<string, INamedTypeSymbol?> _found = new(System.StringComparer.Ordinal);

        // Where the framework declares the System types the catalog names, by reference pack (.NET, .NET Standard, .NET Framework),
        // in the order they are asked.
        private const int FrameworkAssemblyCount = 8;

        private List<IAssemblySymbol>? _framework;

        // The referenced assemblies that are not the framework's own: only these (and the source) can declare a library's root namespace.
        private List<IAssemblySymbol>? _others;

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

            ScanReferences();
            foreach (var assembly in _framework!)
            {
                if (assembly.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } type)
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>
        /// One pass over the references: the few framework assemblies that declare System types, in the order of <see cref="FrameworkRank"/>,
        /// and the references that are not the framework's. Their identities are read (a module keeps them in one array, in the order of
        /// its assembly symbols), not the ~200 assembly symbols, whose names and identities sit one object further each.
        /// </summary>
        private void ScanReferences()
        {
            if (_framework != null)
            {
                return;
            }

            var module = _compilation.SourceModule;
            var identities = module.ReferencedAssemblies;
            var symbols = module.ReferencedAssemblySymbols;
            var found = new IAssemblySymbol?[FrameworkAssemblyCount];
            _others = new List<IAssemblySymbol>();
            for (var i = 0; i < symbols.Length; i++)
            {
                var identity = identities.Length == symbols.Length ? identities[i] : symbols[i].Identity;
                var index = FrameworkRank(identity.Name);
                if (index >= 0 && found[index] == null)
                {
                    found[index] = symbols[i];
                }

                if (!IsFramework(identity))
                {
                    _others.Add(symbols[i]);
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

        /// <summary>
        /// An assembly of the .NET reference packs (System.*, Microsoft.*, mscorlib, netstandard, WindowsBase), told by its name
        /// and by the key Microsoft signs them with: it declares no client library's namespaces. A package or a test's stand-in
        /// under such a name but not signed so is not the framework's.
        /// </summary>
        private static bool IsFramework(AssemblyIdentity identity)
        {
            var name = identity.Name;
            if (!(name == "mscorlib" || name == "netstandard" || name == "System" || name == "WindowsBase"
                || name.StartsWith("System.", System.StringComparison.Ordinal) || name.StartsWith("Microsoft.", System.StringComparison.Ordinal)))
            {
                return false;
            }

            var token = identity.PublicKeyToken;
            if (token.Length != 8)
            {
                return false;
            }

            foreach (var key in MicrosoftKeyTokens)
            {
                if (token[0] == key[0] && token[1] == key[1] && token[2] == key[2] && token[3] == key[3]
                    && token[4] == key[4] && token[5] == key[5] && token[6] == key[6] && token[7] == key[7])
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The public key tokens of the .NET and ASP.NET Core reference assemblies (b03f5f7f11d50a3a, cc7b13ffcd2ddd51, b77a5c561934e089, 31bf3856ad364e35, adb9793829ddae60, 7cec85d7bea7798e).</summary>
        private static readonly byte[][] MicrosoftKeyTokens =
        {
            new byte[] { 0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a },
            new byte[] { 0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51 },
            new byte[] { 0xb7, 0x7a, 0x5c, 0x56, 0x19, 0x34, 0xe0, 0x89 },
            new byte[] { 0x31, 0xbf, 0x38, 0x56, 0xad, 0x36, 0x4e, 0x35 },
            new byte[] { 0xad, 0xb9, 0x79, 0x38, 0x29, 0xdd, 0xae, 0x60 },
            new byte[] { 0x7c, 0xec, 0x85, 0xd7, 0xbe, 0xa7, 0x79, 0x8e },
        };

        /// <summary>
        /// Whether any assembly could declare this root namespace of a library: the compilation's own source, or a reference that
        /// is not the framework's (the framework's own roots, System and Microsoft, are always walked).
        /// </summary>
        private bool RootMayExist(string root)
        {
            if (root == "System" || root == "Microsoft" || Namespace(_compilation.Assembly.GlobalNamespace, root) != null)
            {
                return true;
            }

            ScanReferences();
            foreach (var assembly in _others!)
            {
                if (Namespace(assembly.GlobalNamespace, root) != null)
                {
                    return true;
                }
            }

            return false;
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

            if (parts.Length > 1 && !RootMayExist(parts[0]))
            {
                (_absentRoots ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(parts[0]);
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
