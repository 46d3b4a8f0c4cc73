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
        private readonly MemberTable<SetterForm> _properties;
        private readonly MemberTable<CallRoles> _calls;
        private readonly MemberTable<bool> _accepts;
        private readonly Dictionary<string, INamedTypeSymbol> _types;
        private readonly HashSet<string> _optOuts;

        private BoundCatalog(
            MemberTable<SetterForm> properties,
            MemberTable<CallRoles> calls,
            MemberTable<bool> accepts,
            Dictionary<string, INamedTypeSymbol> types,
            HashSet<string> optOuts,
            bool hasConstructionForms,
            bool hasLockingDefaults,
            ImmutableArray<INamedTypeSymbol> endpointSocketTypes)
        {
            EndpointSocketTypes = endpointSocketTypes;
            _properties = properties;
            _calls = calls;
            _accepts = accepts;
            _types = types;
            _optOuts = optOuts;
            HasConstructionForms = hasConstructionForms;
            HasLockingDefaults = hasLockingDefaults;
        }

        public static BoundCatalog Bind(TypeLookup types)
        {
            INamedTypeSymbol? Type(string name) => types.Find(name);

            var properties = new MemberTable<SetterForm>();
            var calls = new MemberTable<CallRoles>();
            CallRoles Roles(INamedTypeSymbol type, string name) => calls.Single(type, name, () => new CallRoles());
            var hasConstructionForms = false;
            var hasLockingDefaults = false;
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
                    if (Type(typeName) is not { } type)
                    {
                        continue;
                    }

                    var form = AppliedLateIn(type, row) ? row.AppliedLate() : row;
                    if (form.Library != null && (types.IsOwn(type) || (form.AnchorTypeName != null && types.IsOwn(Type(form.AnchorTypeName)))))
                    {
                        // The library's own repository: its knob is judged by the constants given to it (SetterForm.DeclaredInSource).
                        form = form.InSource();
                    }

                    if (form.Shape == SetterShape.PropertySetter)
                    {
                        properties.Add(type, form.MemberName, form);
                    }
                    else
                    {
                        var roles = Roles(type, form.MemberName);
                        roles.Forms = roles.Forms.Add(form);
                    }

                    hasConstructionForms |= form.Shape == SetterShape.Construction;
                }
            }

            var optOuts = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var row in LibraryKnobs.LockingDefaults)
            {
                // Absent library; or the library's own repository (its entry points declared in this compilation), where SOCK007
                // reports the default where it is written and the samples compiled with it consume nothing.
                if ((row.AnchorTypeName != null && Type(row.AnchorTypeName) == null) || row.EntryPoints.Any(member => types.IsOwn(Type(member.TypeName))))
                {
                    continue;
                }

                foreach (var member in row.EntryPoints)
                {
                    if (Type(member.TypeName) is { } type)
                    {
                        var roles = Roles(type, member.MemberName);
                        roles.CreatedBy = roles.CreatedBy.Add(row);
                        hasConstructionForms |= member.MemberName == WellKnownMemberNames.InstanceConstructorName;
                        hasLockingDefaults = true;
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
                        var roles = Roles(type, member.MemberName);
                        roles.ConfiguredBy = roles.ConfiguredBy.Add(row);
                        hasConstructionForms |= member.MemberName == WellKnownMemberNames.InstanceConstructorName;
                    }
                }
            }

            foreach (var row in SetterCatalog.Connects)
            {
                if (Type(row.TypeName) is { } type)
                {
                    Roles(type, row.MemberName).IsConnect = true;
                }
            }

            var endpointTypes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var row in LibraryKnobs.Endpoints)
            {
                if (Type(row.TypeName) is { } type)
                {
                    Roles(type, row.MemberName).IsEndpoint = true;
                    if (type.TypeKind == TypeKind.Class && !endpointTypes.Contains(type, SymbolEqualityComparer.Default))
                    {
                        endpointTypes.Add(type);
                    }
                }
            }

            return new BoundCatalog(
                properties,
                calls,
                Members(SetterCatalog.Accepts, Type),
                types.Resolved(),
                optOuts,
                hasConstructionForms,
                hasLockingDefaults,
                endpointTypes.ToImmutable());
        }

        /// <summary>
        /// Some form, library entry point or configuration member is a constructor (a library knob, a client whose default locks
        /// buffers): only then are object creations looked up in the catalog.
        /// </summary>
        public bool HasConstructionForms { get; }

        /// <summary>The socket classes whose endpoints pick a knob's transport (NetMQ's NetMQSocket, ThreadSafeSocket); empty where NetMQ is absent.</summary>
        public ImmutableArray<INamedTypeSymbol> EndpointSocketTypes { get; }

        /// <summary>A call that gives a knob's socket its endpoint (NetMQ's Bind/Connect): its string argument names the transport.</summary>
        public bool IsEndpoint(IMethodSymbol method) => RolesOf(method)?.IsEndpoint == true;

        /// <summary>Some library whose default locks buffers is referenced (SOCK008 looks at its entry points).</summary>
        public bool HasLockingDefaults { get; }

        /// <summary>A type a kept row names (its receiver type, a static member's type), bound once; null for any other name.</summary>
        public INamedTypeSymbol? TypeNamed(string metadataName) => _types.TryGetValue(metadataName, out var type) ? type : null;

        /// <summary>The referenced version of the library has its opt-out member (MongoDB.Driver 3.14's WithUseOperatingSystemBufferSizes).</summary>
        public bool HasOptOut(LockingDefault row) => _optOuts.Contains(row.Library);

        /// <summary>A library version that applies the value after connecting (Npgsql before 10.0): the row's assembly is older than its threshold.</summary>
        private static bool AppliedLateIn(INamedTypeSymbol type, SetterForm form) =>
            form.AppliedAfterConnectBelowVersion != null
            && System.Version.TryParse(form.AppliedAfterConnectBelowVersion, out var threshold)
            && type.ContainingAssembly?.Identity.Version is { } version
            && version < threshold;

        /// <summary>The forms a property assignment sets (empty when the property sets no buffer).</summary>
        public ImmutableArray<SetterForm> FormsOfProperty(IPropertySymbol property)
        {
            var forms = _properties.Of(property);
            if (forms.IsEmpty || property.SetMethod == null)
            {
                return ImmutableArray<SetterForm>.Empty;
            }

            // A socket's own setters are instance properties; a library's knob may be static (MongoDefaults).
            return property.IsStatic ? forms.RemoveAll(form => form.ReceiverIsSocket) : forms;
        }

        /// <summary>The forms a method or constructor may be (their required arguments still to be checked).</summary>
        public ImmutableArray<SetterForm> FormsOfCall(IMethodSymbol method) => RolesOf(method)?.Forms ?? ImmutableArray<SetterForm>.Empty;

        /// <summary>Everything the catalog knows of a method or constructor, in one lookup (null for almost every call of the code).</summary>
        public CallRoles? RolesOf(IMethodSymbol method)
        {
            var rows = _calls.Of(method);
            return rows.IsEmpty ? null : rows[0];
        }

        /// <summary>A call after which the socket it is made on is connected (<c>Connect</c>, <c>ConnectAsync</c>, <c>BeginConnect</c>).</summary>
        public bool IsConnect(IMethodSymbol method) => RolesOf(method)?.IsConnect == true;

        /// <summary>A method or property that yields an accepted socket (<c>Accept*</c>, <c>EndAccept*</c>, <c>SocketAsyncEventArgs.AcceptSocket</c>).</summary>
        public bool IsAccept(ISymbol member) => !_accepts.Of(member).IsEmpty;

        private static MemberTable<bool> Members(ImmutableArray<ConnectionMember> rows, System.Func<string, INamedTypeSymbol?> type)
        {
            var table = new MemberTable<bool>();
            foreach (var row in rows)
            {
                if (type(row.TypeName) is { } symbol)
                {
                    table.Add(symbol, row.MemberName, true);
                }
            }

            return table;
        }
    }

    /// <summary>What the catalog knows of one method or constructor: the setter forms it may be, the locking defaults it creates or configures, whether it connects.</summary>
    internal sealed class CallRoles
    {
        public ImmutableArray<SetterForm> Forms { get; set; } = ImmutableArray<SetterForm>.Empty;

        public ImmutableArray<LockingDefault> CreatedBy { get; set; } = ImmutableArray<LockingDefault>.Empty;

        public ImmutableArray<LockingDefault> ConfiguredBy { get; set; } = ImmutableArray<LockingDefault>.Empty;

        public bool IsConnect { get; set; }

        /// <summary>Gives a library socket its endpoint (<see cref="LibraryKnobs.Endpoints"/>).</summary>
        public bool IsEndpoint { get; set; }
    }
}
