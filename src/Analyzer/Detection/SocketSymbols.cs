using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Catalog;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>The System.Net.Sockets symbols the analysis needs and the bound setter catalog, looked up once per compilation.</summary>
    internal sealed class SocketSymbols
    {
        private SocketSymbols(Compilation compilation, TypeLookup types, INamedTypeSymbol socket)
        {
            Socket = socket;
            TcpClient = types.Find(SetterCatalog.TcpClient);
            UdpClient = types.Find(SetterCatalog.UdpClient);
            TcpListener = types.Find(SetterCatalog.TcpListener);
            SocketType = types.Find("System.Net.Sockets.SocketType");
            ProtocolType = types.Find("System.Net.Sockets.ProtocolType");
            AddressFamily = types.Find("System.Net.Sockets.AddressFamily");
            BitConverter = types.Find("System.BitConverter");
            Catalog = BoundCatalog.Bind(types);
            _sourceModule = compilation.SourceModule;
        }

        private readonly IModuleSymbol _sourceModule;

        public INamedTypeSymbol Socket { get; }

        public INamedTypeSymbol? TcpClient { get; }

        public INamedTypeSymbol? UdpClient { get; }

        public INamedTypeSymbol? TcpListener { get; }

        public INamedTypeSymbol? SocketType { get; }

        public INamedTypeSymbol? ProtocolType { get; }

        public INamedTypeSymbol? AddressFamily { get; }

        public INamedTypeSymbol? BitConverter { get; }

        /// <summary>The setter forms and connect/accept members this compilation can see.</summary>
        public BoundCatalog Catalog { get; }

        /// <summary>Null when the compilation cannot see System.Net.Sockets.Socket: then nothing is registered.</summary>
        public static SocketSymbols? TryCreate(Compilation compilation)
        {
            var types = new TypeLookup(compilation);
            var socket = types.Find(SetterCatalog.Socket);
            return socket == null ? null : new SocketSymbols(compilation, types, socket);
        }

        /// <summary>
        /// A member declared in the compilation being analysed (its callers and body are all here to see). Every symbol of the
        /// compilation's source returns its one source module as its containing module: a reference comparison, which asks
        /// nothing to allocate (a source symbol's <see cref="ISymbol.DeclaringSyntaxReferences"/> makes an array per call).
        /// </summary>
        public bool IsOwn(ISymbol symbol) => ReferenceEquals(symbol.ContainingModule, _sourceModule);

        /// <summary>
        /// A member loaded from a referenced assembly: it has a metadata token, which no member of source code has (the
        /// constructed form of a generic one, <c>List&lt;int&gt;.Add</c>, and the reduced form of an extension carry none
        /// themselves: their definition's is read). Asked for every call with arguments, before any argument is looked at: a
        /// token is a field of the symbol the call already touched, where the module is a walk through its containers.
        /// </summary>
        public static bool IsFromMetadata(ISymbol member) => member.MetadataToken != 0 || member.OriginalDefinition.MetadataToken != 0;

        public bool IsSocket(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Socket);

        public bool IsTcpClient(ITypeSymbol? type) => TcpClient != null && SymbolEqualityComparer.Default.Equals(type, TcpClient);

        public bool IsUdpClient(ITypeSymbol? type) => UdpClient != null && SymbolEqualityComparer.Default.Equals(type, UdpClient);

        public bool IsTcpListener(ITypeSymbol? type) => TcpListener != null && SymbolEqualityComparer.Default.Equals(type, TcpListener);

        /// <summary>A type whose values are sockets or hold one (Socket, TcpClient, UdpClient, TcpListener).</summary>
        public bool IsSocketHolder(ITypeSymbol? type) => type != null && IsHolderName(type.Name) && IsHolder(type);

        private bool IsHolder(ITypeSymbol type) => IsSocket(type) || IsTcpClient(type) || IsUdpClient(type) || IsTcpListener(type);

        /// <summary>
        /// What a value of this type can be to the analysis: a size, a socket (or a holder of one), or neither. Asked for every
        /// argument, member write, initializer and return of the code: the special type is read first, and settles most of them
        /// (strings, booleans, objects, other numbers are neither; int, long and uint are sizes) without a look at the name.
        /// </summary>
        public ValueRole RoleOf(ITypeSymbol? type)
        {
            if (type == null)
            {
                return ValueRole.None;
            }

            var special = type.SpecialType;
            if (special != SpecialType.None)
            {
                return Flow.FlowFacts.IsSizeSpecialType(special) ? ValueRole.Size : ValueRole.None;
            }

            // Of the rest, the name tells the few that can matter (int?, long?, uint?; the socket types) from all the others.
            var name = type.Name;
            if (name == "Nullable")
            {
                return Flow.FlowFacts.IsSizeType(type) ? ValueRole.Size : ValueRole.None;
            }

            return IsHolderName(name) && IsHolder(type) ? ValueRole.Socket : ValueRole.None;
        }

        /// <summary>A name check first: this runs for every parameter, return and member write of the code, and almost none is a socket.</summary>
        public static bool IsHolderName(string name) => name switch
        {
            "Socket" or "TcpClient" or "UdpClient" or "TcpListener" => true,
            _ => false,
        };
    }

    /// <summary>What a value can be to the analysis (<see cref="SocketSymbols.RoleOf"/>).</summary>
    internal enum ValueRole
    {
        None,
        Size,
        Socket,
    }
}
