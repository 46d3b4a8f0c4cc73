using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>The System.Net.Sockets symbols the analysis needs, looked up once per compilation.</summary>
    internal sealed class SocketSymbols
    {
        private SocketSymbols(Compilation compilation, INamedTypeSymbol socket)
        {
            Socket = socket;
            TcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
            UdpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.UdpClient");
            TcpListener = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpListener");
            SocketType = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketType");
            ProtocolType = compilation.GetTypeByMetadataName("System.Net.Sockets.ProtocolType");
            AddressFamily = compilation.GetTypeByMetadataName("System.Net.Sockets.AddressFamily");
            SocketOptionLevel = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketOptionLevel");
            SocketOptionName = compilation.GetTypeByMetadataName("System.Net.Sockets.SocketOptionName");
            BitConverter = compilation.GetTypeByMetadataName("System.BitConverter");

            SocketReceiveBufferSize = Property(socket, "ReceiveBufferSize");
            SocketSendBufferSize = Property(socket, "SendBufferSize");
            TcpClientReceiveBufferSize = Property(TcpClient, "ReceiveBufferSize");
            TcpClientSendBufferSize = Property(TcpClient, "SendBufferSize");
        }

        public INamedTypeSymbol Socket { get; }

        public INamedTypeSymbol? TcpClient { get; }

        public INamedTypeSymbol? UdpClient { get; }

        public INamedTypeSymbol? TcpListener { get; }

        public INamedTypeSymbol? SocketType { get; }

        public INamedTypeSymbol? ProtocolType { get; }

        public INamedTypeSymbol? AddressFamily { get; }

        public INamedTypeSymbol? SocketOptionLevel { get; }

        public INamedTypeSymbol? SocketOptionName { get; }

        public INamedTypeSymbol? BitConverter { get; }

        public IPropertySymbol? SocketReceiveBufferSize { get; }

        public IPropertySymbol? SocketSendBufferSize { get; }

        public IPropertySymbol? TcpClientReceiveBufferSize { get; }

        public IPropertySymbol? TcpClientSendBufferSize { get; }

        /// <summary>Null when the compilation cannot see System.Net.Sockets.Socket: then nothing is registered.</summary>
        public static SocketSymbols? TryCreate(Compilation compilation)
        {
            var socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
            return socket == null ? null : new SocketSymbols(compilation, socket);
        }

        public bool IsSocket(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Socket);

        public bool IsTcpClient(ITypeSymbol? type) => TcpClient != null && SymbolEqualityComparer.Default.Equals(type, TcpClient);

        public bool IsUdpClient(ITypeSymbol? type) => UdpClient != null && SymbolEqualityComparer.Default.Equals(type, UdpClient);

        public bool IsTcpListener(ITypeSymbol? type) => TcpListener != null && SymbolEqualityComparer.Default.Equals(type, TcpListener);

        private static IPropertySymbol? Property(INamedTypeSymbol? type, string name) =>
            type?.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic && p.SetMethod != null);
    }
}
