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
        // Keyed by the member's definition: a lookup is one hash of a symbol reference, no name compared (it runs for every call).
        private readonly Dictionary<ISymbol, ImmutableArray<SetterForm>> _properties;
        private readonly Dictionary<ISymbol, ImmutableArray<SetterForm>> _calls;
        private readonly HashSet<ISymbol> _connects;
        private readonly HashSet<ISymbol> _accepts;

        private BoundCatalog(
            Dictionary<ISymbol, ImmutableArray<SetterForm>> properties,
            Dictionary<ISymbol, ImmutableArray<SetterForm>> calls,
            HashSet<ISymbol> connects,
            HashSet<ISymbol> accepts)
        {
            _properties = properties;
            _calls = calls;
            _connects = connects;
            _accepts = accepts;
        }

        public static BoundCatalog Bind(TypeLookup types)
        {
            INamedTypeSymbol? Type(string name) => types.Find(name);

            var properties = new Dictionary<ISymbol, List<SetterForm>>(DefinitionComparer.Instance);
            var calls = new Dictionary<ISymbol, List<SetterForm>>(DefinitionComparer.Instance);
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
                        foreach (var method in Methods(type, form.MemberName))
                        {
                            Add(calls, method, form);
                        }
                    }
                }
            }

            var entryPoints = new Dictionary<ISymbol, List<LockingDefault>>(DefinitionComparer.Instance);
            var explicitMembers = new Dictionary<ISymbol, List<LockingDefault>>(DefinitionComparer.Instance);
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
                        foreach (var method in Methods(type, member.MemberName))
                        {
                            Add(entryPoints, method, row);
                        }
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
                        foreach (var method in Methods(type, member.MemberName))
                        {
                            Add(explicitMembers, method, row);
                        }
                    }
                }
            }

            var resolved = types.Resolved();
            return new BoundCatalog(
                Freeze(properties, DefinitionComparer.Instance),
                Freeze(calls, DefinitionComparer.Instance),
                Members(SetterCatalog.Connects, Type),
                Members(SetterCatalog.Accepts, Type))
            {
                HasConstructionForms = calls.Values.Any(forms => forms.Any(form => form.Shape == SetterShape.Construction))
                    || entryPoints.Keys.Any(key => key is IMethodSymbol { MethodKind: MethodKind.Constructor }),
                _entryPoints = Freeze(entryPoints, DefinitionComparer.Instance),
                _explicitMembers = Freeze(explicitMembers, DefinitionComparer.Instance),
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

        private Dictionary<ISymbol, ImmutableArray<LockingDefault>> _entryPoints = new(DefinitionComparer.Instance);

        private Dictionary<ISymbol, ImmutableArray<LockingDefault>> _explicitMembers = new(DefinitionComparer.Instance);

        private Dictionary<string, INamedTypeSymbol> _types = new(System.StringComparer.Ordinal);

        private HashSet<string> _optOuts = new(System.StringComparer.Ordinal);

        /// <summary>The referenced version of the library has its opt-out member (MongoDB.Driver 3.14's WithUseOperatingSystemBufferSizes).</summary>
        public bool HasOptOut(LockingDefault row) => _optOuts.Contains(row.Library);

        private static ImmutableArray<T> Lookup<T>(Dictionary<ISymbol, ImmutableArray<T>> map, ISymbol member) =>
            map.Count > 0 && map.TryGetValue(Definition(member), out var rows) ? rows : ImmutableArray<T>.Empty;

        /// <summary>The member as declared: a member of a generic type or a generic method is looked up by its definition.</summary>
        private static ISymbol Definition(ISymbol member) => member is IMethodSymbol { ReducedFrom: { } extension } ? extension.OriginalDefinition : member.OriginalDefinition;

        /// <summary>Every overload of a method (<c>.ctor</c>: every instance constructor).</summary>
        private static IEnumerable<IMethodSymbol> Methods(INamedTypeSymbol type, string name) => type.GetMembers(name).OfType<IMethodSymbol>();

        /// <summary>A library version that applies the value after connecting (Npgsql before 10.0): the row's assembly is older than its threshold.</summary>
        private static bool AppliedLateIn(INamedTypeSymbol type, SetterForm form) =>
            form.AppliedAfterConnectBelowVersion != null
            && System.Version.TryParse(form.AppliedAfterConnectBelowVersion, out var threshold)
            && type.ContainingAssembly?.Identity.Version is { } version
            && version < threshold;

        /// <summary>The forms a property assignment sets (empty when the property sets no buffer).</summary>
        public ImmutableArray<SetterForm> FormsOfProperty(IPropertySymbol property) => Lookup(_properties, property);

        /// <summary>The forms a method or constructor may be (their required arguments still to be checked).</summary>
        public ImmutableArray<SetterForm> FormsOfCall(IMethodSymbol method) => Lookup(_calls, method);

        /// <summary>A call after which the socket it is made on is connected (<c>Connect</c>, <c>ConnectAsync</c>, <c>BeginConnect</c>).</summary>
        public bool IsConnect(IMethodSymbol method) => _connects.Contains(Definition(method));

        /// <summary>A method or property that yields an accepted socket (<c>Accept*</c>, <c>EndAccept*</c>, <c>SocketAsyncEventArgs.AcceptSocket</c>).</summary>
        public bool IsAccept(ISymbol member) => _accepts.Contains(Definition(member));

        private static HashSet<ISymbol> Members(ImmutableArray<ConnectionMember> rows, System.Func<string, INamedTypeSymbol?> type)
        {
            var set = new HashSet<ISymbol>(DefinitionComparer.Instance);
            foreach (var row in rows)
            {
                if (type(row.TypeName) is { } symbol)
                {
                    foreach (var member in symbol.GetMembers(row.MemberName))
                    {
                        set.Add(member);
                    }
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
    }
}
