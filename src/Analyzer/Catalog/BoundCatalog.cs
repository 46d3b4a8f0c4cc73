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
        private readonly MemberTable<SetterForm> _calls;
        private readonly MemberTable<bool> _connects;
        private readonly MemberTable<bool> _accepts;
        private readonly MemberTable<LockingDefault> _entryPoints;
        private readonly MemberTable<LockingDefault> _explicitMembers;
        private readonly Dictionary<string, INamedTypeSymbol> _types;
        private readonly HashSet<string> _optOuts;

        private BoundCatalog(
            MemberTable<SetterForm> properties,
            MemberTable<SetterForm> calls,
            MemberTable<bool> connects,
            MemberTable<bool> accepts,
            MemberTable<LockingDefault> entryPoints,
            MemberTable<LockingDefault> explicitMembers,
            Dictionary<string, INamedTypeSymbol> types,
            HashSet<string> optOuts,
            bool hasConstructionForms)
        {
            _properties = properties;
            _calls = calls;
            _connects = connects;
            _accepts = accepts;
            _entryPoints = entryPoints;
            _explicitMembers = explicitMembers;
            _types = types;
            _optOuts = optOuts;
            HasConstructionForms = hasConstructionForms;
        }

        public static BoundCatalog Bind(TypeLookup types)
        {
            INamedTypeSymbol? Type(string name) => types.Find(name);

            var properties = new MemberTable<SetterForm>();
            var calls = new MemberTable<SetterForm>();
            var hasConstructionForms = false;
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
                    (form.Shape == SetterShape.PropertySetter ? properties : calls).Add(type, form.MemberName, form);
                    hasConstructionForms |= form.Shape == SetterShape.Construction;
                }
            }

            var entryPoints = new MemberTable<LockingDefault>();
            var explicitMembers = new MemberTable<LockingDefault>();
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
                        entryPoints.Add(type, member.MemberName, row);
                        hasConstructionForms |= member.MemberName == WellKnownMemberNames.InstanceConstructorName;
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
                        explicitMembers.Add(type, member.MemberName, row);
                    }
                }
            }

            return new BoundCatalog(
                properties,
                calls,
                Members(SetterCatalog.Connects, Type),
                Members(SetterCatalog.Accepts, Type),
                entryPoints,
                explicitMembers,
                types.Resolved(),
                optOuts,
                hasConstructionForms);
        }

        /// <summary>
        /// Some form or library entry point is a constructor (a library knob, a client whose default locks buffers): only then are
        /// object creations looked at.
        /// </summary>
        public bool HasConstructionForms { get; }

        /// <summary>Some library whose default locks buffers is referenced (SOCK008 looks at its entry points).</summary>
        public bool HasLockingDefaults => !_entryPoints.IsEmpty;

        /// <summary>The locking defaults whose client or options a call or construction creates (SOCK008).</summary>
        public ImmutableArray<LockingDefault> LockingDefaultsCreatedBy(IMethodSymbol method) => _entryPoints.Of(method);

        /// <summary>The locking defaults a constant string argument of this call may set explicitly (Akka.Remote's HOCON).</summary>
        public ImmutableArray<LockingDefault> LockingDefaultsConfiguredBy(IMethodSymbol method) => _explicitMembers.Of(method);

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
        public ImmutableArray<SetterForm> FormsOfCall(IMethodSymbol method) => _calls.Of(method);

        /// <summary>A call after which the socket it is made on is connected (<c>Connect</c>, <c>ConnectAsync</c>, <c>BeginConnect</c>).</summary>
        public bool IsConnect(IMethodSymbol method) => !_connects.Of(method).IsEmpty;

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
}
