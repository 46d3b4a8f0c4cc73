using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Catalog;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>The System.Net.Sockets symbols the analysis needs and the bound setter catalog, looked up once per compilation.</summary>
    internal sealed class SocketSymbols
    {
        private SocketSymbols(Compilation compilation, INamedTypeSymbol socket)
        {
            Socket = socket;
            TcpClient = compilation.GetTypeByMetadataName(SetterCatalog.TcpClient);
            UdpClient = compilation.GetTypeByMetadataName(SetterCatalog.UdpClient);
            TcpListener = compilation.GetTypeByMetadataName(SetterCatalog.TcpListener);
            SocketType = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketType");
            ProtocolType = compilation.GetTypeByMetadataName("System.Net.Sockets.ProtocolType");
            AddressFamily = compilation.GetTypeByMetadataName("System.Net.Sockets.AddressFamily");
            BitConverter = compilation.GetTypeByMetadataName("System.BitConverter");
            Catalog = BoundCatalog.Bind(compilation);
        }

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
            var socket = compilation.GetTypeByMetadataName(SetterCatalog.Socket);
            return socket == null ? null : new SocketSymbols(compilation, socket);
        }

        public bool IsSocket(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Socket);

        public bool IsTcpClient(ITypeSymbol? type) => TcpClient != null && SymbolEqualityComparer.Default.Equals(type, TcpClient);

        public bool IsUdpClient(ITypeSymbol? type) => UdpClient != null && SymbolEqualityComparer.Default.Equals(type, UdpClient);

        public bool IsTcpListener(ITypeSymbol? type) => TcpListener != null && SymbolEqualityComparer.Default.Equals(type, TcpListener);

        /// <summary>A type whose values are sockets or hold one (Socket, TcpClient, UdpClient, TcpListener).</summary>
        public bool IsSocketHolder(ITypeSymbol? type) => IsSocket(type) || IsTcpClient(type) || IsUdpClient(type) || IsTcpListener(type);
    }
}
