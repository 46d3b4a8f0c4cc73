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
            foreach (var form in SetterCatalog.Forms)
            {
                var type = Type(form.TypeName);
                if (type == null)
                {
                    continue;
                }

                if (form.Shape == SetterShape.PropertySetter)
                {
                    foreach (var member in type.GetMembers(form.MemberName))
                    {
                        if (member is IPropertySymbol { IsStatic: false, SetMethod: not null } property)
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

            return new BoundCatalog(
                Freeze(properties, SymbolEqualityComparer.Default),
                Freeze(calls, TypeAndNameComparer.Instance),
                Members(SetterCatalog.Connects, Type),
                Members(SetterCatalog.Accepts, Type))
            {
                HasConstructionForms = calls.Values.Any(forms => forms.Any(form => form.Shape == SetterShape.Construction)),
            };
        }

        /// <summary>Some form is a constructor (a library knob): only then are object creations looked at.</summary>
        public bool HasConstructionForms { get; private set; }

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

        private static void Add<TKey>(Dictionary<TKey, List<SetterForm>> map, TKey key, SetterForm form)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                list = new List<SetterForm>();
                map[key] = list;
            }

            list.Add(form);
        }

        private static Dictionary<TKey, ImmutableArray<SetterForm>> Freeze<TKey>(Dictionary<TKey, List<SetterForm>> map, IEqualityComparer<TKey> comparer)
            where TKey : notnull
        {
            var frozen = new Dictionary<TKey, ImmutableArray<SetterForm>>(comparer);
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
