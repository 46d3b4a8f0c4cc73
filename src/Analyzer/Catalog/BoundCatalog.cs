using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Catalog
{
    /// <summary>
    /// <see cref="SetterCatalog"/> bound to one compilation's symbols, once at compilation start: lookups by member symbol.
    /// Rows whose type the compilation cannot see are dropped, so a library's knobs cost nothing where it is not referenced.
    /// </summary>
    internal sealed class BoundCatalog
    {
        private readonly Dictionary<ISymbol, ImmutableArray<SetterForm>> _properties;
        private readonly Dictionary<(INamedTypeSymbol Type, string Name), ImmutableArray<SetterForm>> _calls;
        private readonly HashSet<(INamedTypeSymbol Type, string Name)> _connects;
        private readonly HashSet<(INamedTypeSymbol Type, string Name)> _accepts;

        private BoundCatalog(
            Dictionary<ISymbol, ImmutableArray<SetterForm>> properties,
            Dictionary<(INamedTypeSymbol, string), ImmutableArray<SetterForm>> calls,
            HashSet<(INamedTypeSymbol, string)> connects,
            HashSet<(INamedTypeSymbol, string)> accepts)
        {
            _properties = properties;
            _calls = calls;
            _connects = connects;
            _accepts = accepts;
        }

        public static BoundCatalog Bind(Compilation compilation)
        {
            var types = new Dictionary<string, INamedTypeSymbol?>();
            INamedTypeSymbol? Type(string name)
            {
                if (!types.TryGetValue(name, out var type))
                {
                    type = compilation.GetTypeByMetadataName(name);
                    types[name] = type;
                }

                return type;
            }

            var properties = new Dictionary<ISymbol, List<SetterForm>>(SymbolEqualityComparer.Default);
            var calls = new Dictionary<(INamedTypeSymbol, string), List<SetterForm>>(TypeAndNameComparer.Instance);
            foreach (var row in SetterCatalog.Forms)
            {
                // A row of a general type (a dictionary) exists only where its library is referenced; a row that needs a receiver
                // type or a static member the compilation cannot see cannot match.
                if ((row.AnchorTypeName != null && Type(row.AnchorTypeName) == null)
                    || (row.ReceiverTypeName != null && Type(row.ReceiverTypeName) == null)
                    || row.RequiredArguments.Any(required => required.MemberType != null && Type(required.MemberType) == null))
                {
                    continue;
                }

                foreach (var typeName in row.AlternativeTypeNames.Insert(0, row.TypeName))
                {
                    var type = Type(typeName);
                    if (type == null)
                    {
                        continue;
                    }

                    var form = AppliedLateIn(type, row) ? row.AppliedLate() : row;
                    if (form.Shape == SetterShape.PropertySetter)
                    {
                        foreach (var member in type.GetMembers(form.MemberName))
                        {
                            // A socket's own setters are instance properties; a library's knob may be static (MongoDefaults).
                            if (member is IPropertySymbol { SetMethod: not null } property && (!property.IsStatic || !form.ReceiverIsSocket))
                            {
                                Add(properties, property, form);
                            }
                        }
                    }
                    else
                    {
                        Add(calls, (type, form.MemberName), form);
                    }
                }
            }

            var entryPoints = new Dictionary<(INamedTypeSymbol, string), List<LockingDefault>>(TypeAndNameComparer.Instance);
            var explicitMembers = new Dictionary<(INamedTypeSymbol, string), List<LockingDefault>>(TypeAndNameComparer.Instance);
            var optOuts = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var row in LibraryKnobs.LockingDefaults)
            {
                if (row.AnchorTypeName != null && Type(row.AnchorTypeName) == null)
                {
                    continue;
                }

                foreach (var member in row.EntryPoints)
                {
                    if (Type(member.TypeName) is { } type)
                    {
                        Add(entryPoints, (type, member.MemberName), row);
                    }
                }

                if (row.OptOut is { } optOut && Type(optOut.TypeName) is { } optOutType && !optOutType.GetMembers(optOut.MemberName).IsEmpty)
                {
                    optOuts.Add(row.Library);
                }

                foreach (var member in row.ExplicitMembers)
                {
                    if (Type(member.TypeName) is { } type)
                    {
                        Add(explicitMembers, (type, member.MemberName), row);
                    }
                }
            }

            var resolved = new Dictionary<string, INamedTypeSymbol>(System.StringComparer.Ordinal);
            foreach (var entry in types)
            {
                if (entry.Value != null)
                {
                    resolved[entry.Key] = entry.Value;
                }
            }

            return new BoundCatalog(
                Freeze(properties, SymbolEqualityComparer.Default),
                Freeze(calls, TypeAndNameComparer.Instance),
                Members(SetterCatalog.Connects, Type),
                Members(SetterCatalog.Accepts, Type))
            {
                HasConstructionForms = calls.Values.Any(forms => forms.Any(form => form.Shape == SetterShape.Construction))
                    || entryPoints.Keys.Any(key => key.Item2 == ".ctor"),
                _entryPoints = Freeze(entryPoints, TypeAndNameComparer.Instance),
                _explicitMembers = Freeze(explicitMembers, TypeAndNameComparer.Instance),
                _types = resolved,
                _optOuts = optOuts,
            };
        }

        /// <summary>
        /// Some form or library entry point is a constructor (a library knob, a client whose default locks buffers): only then are
        /// object creations looked at.
        /// </summary>
        public bool HasConstructionForms { get; private set; }

        /// <summary>Some library whose default locks buffers is referenced (SOCK008 looks at its entry points).</summary>
        public bool HasLockingDefaults => _entryPoints.Count > 0;

        /// <summary>The locking defaults whose client or options a call or construction creates (SOCK008).</summary>
        public ImmutableArray<LockingDefault> LockingDefaultsCreatedBy(IMethodSymbol method) => Lookup(_entryPoints, method);

        /// <summary>The locking defaults a constant string argument of this call may set explicitly (Akka.Remote's HOCON).</summary>
        public ImmutableArray<LockingDefault> LockingDefaultsConfiguredBy(IMethodSymbol method) => Lookup(_explicitMembers, method);

        /// <summary>A type a kept row names (its receiver type, a static member's type), bound once; null for any other name.</summary>
        public INamedTypeSymbol? TypeNamed(string metadataName) => _types.TryGetValue(metadataName, out var type) ? type : null;

        private Dictionary<(INamedTypeSymbol Type, string Name), ImmutableArray<LockingDefault>> _entryPoints = new(TypeAndNameComparer.Instance);

        private Dictionary<(INamedTypeSymbol Type, string Name), ImmutableArray<LockingDefault>> _explicitMembers = new(TypeAndNameComparer.Instance);

        private Dictionary<string, INamedTypeSymbol> _types = new(System.StringComparer.Ordinal);

        private HashSet<string> _optOuts = new(System.StringComparer.Ordinal);

        /// <summary>The referenced version of the library has its opt-out member (MongoDB.Driver 3.14's WithUseOperatingSystemBufferSizes).</summary>
        public bool HasOptOut(LockingDefault row) => _optOuts.Contains(row.Library);

        private static ImmutableArray<T> Lookup<T>(Dictionary<(INamedTypeSymbol Type, string Name), ImmutableArray<T>> map, IMethodSymbol method) =>
            map.Count > 0 && method.ContainingType is { } type && map.TryGetValue((type.OriginalDefinition, method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name), out var rows)
                ? rows
                : ImmutableArray<T>.Empty;

        /// <summary>A library version that applies the value after connecting (Npgsql before 10.0): the row's assembly is older than its threshold.</summary>
        private static bool AppliedLateIn(INamedTypeSymbol type, SetterForm form) =>
            form.AppliedAfterConnectBelowVersion != null
            && System.Version.TryParse(form.AppliedAfterConnectBelowVersion, out var threshold)
            && type.ContainingAssembly?.Identity.Version is { } version
            && version < threshold;

        /// <summary>The forms a property assignment sets (empty when the property sets no buffer).</summary>
        public ImmutableArray<SetterForm> FormsOfProperty(IPropertySymbol property) =>
            _properties.TryGetValue(property.OriginalDefinition, out var forms) ? forms : ImmutableArray<SetterForm>.Empty;

        /// <summary>The forms a method or constructor may be (their required arguments still to be checked).</summary>
        public ImmutableArray<SetterForm> FormsOfCall(IMethodSymbol method) =>
            method.ContainingType is { } type && _calls.TryGetValue((type.OriginalDefinition, method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name), out var forms)
                ? forms
                : ImmutableArray<SetterForm>.Empty;

        /// <summary>A call after which the socket it is made on is connected (<c>Connect</c>, <c>ConnectAsync</c>, <c>BeginConnect</c>).</summary>
        public bool IsConnect(IMethodSymbol method) => Contains(_connects, method.ContainingType, method.Name);

        /// <summary>A method or property that yields an accepted socket (<c>Accept*</c>, <c>EndAccept*</c>, <c>SocketAsyncEventArgs.AcceptSocket</c>).</summary>
        public bool IsAccept(ISymbol member) => Contains(_accepts, member.ContainingType, member.Name);

        private static bool Contains(HashSet<(INamedTypeSymbol, string)> set, INamedTypeSymbol? type, string name) =>
            type != null && set.Contains((type.OriginalDefinition, name));

        private static HashSet<(INamedTypeSymbol, string)> Members(ImmutableArray<ConnectionMember> rows, System.Func<string, INamedTypeSymbol?> type)
        {
            var set = new HashSet<(INamedTypeSymbol, string)>(TypeAndNameComparer.Instance);
            foreach (var row in rows)
            {
                if (type(row.TypeName) is { } symbol)
                {
                    set.Add((symbol, row.MemberName));
                }
            }

            return set;
        }

        private static void Add<TKey, TRow>(Dictionary<TKey, List<TRow>> map, TKey key, TRow form)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<TRow>();
                map[key] = list;
            }

            list.Add(form);
        }

        private static Dictionary<TKey, ImmutableArray<TRow>> Freeze<TKey, TRow>(Dictionary<TKey, List<TRow>> map, IEqualityComparer<TKey> comparer)
            where TKey : notnull
        {
            var frozen = new Dictionary<TKey, ImmutableArray<TRow>>(comparer);
            foreach (var entry in map)
            {
                frozen[entry.Key] = entry.Value.ToImmutableArray();
            }

            return frozen;
        }

        private sealed class TypeAndNameComparer : IEqualityComparer<(INamedTypeSymbol Type, string Name)>
        {
            public static readonly TypeAndNameComparer Instance = new TypeAndNameComparer();

            public bool Equals((INamedTypeSymbol Type, string Name) x, (INamedTypeSymbol Type, string Name) y) =>
                SymbolEqualityComparer.Default.Equals(x.Type, y.Type) && string.Equals(x.Name, y.Name, System.StringComparison.Ordinal);

            public int GetHashCode((INamedTypeSymbol Type, string Name) obj) =>
                unchecked((SymbolEqualityComparer.Default.GetHashCode(obj.Type) * 397) ^ obj.Name.GetHashCode());
        }
    }
}
