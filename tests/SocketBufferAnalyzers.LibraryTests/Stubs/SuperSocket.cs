// DECLARATION STUB, not the library. SuperSocket (SuperSocket.Server, SuperSocket.Connection) is not served here.
// Reproduces the public names and signatures of kerryjiang/SuperSocket at tag v2.0.2
// (commit bc0b9e9f9cc20ef33b20b85f8bfff198f8c1f2f5):
//   src/SuperSocket.Connection/ConnectionOptions.cs:11/21/26          public class ConnectionOptions;
//                                                                     public int ReceiveBufferSize { get; set; } = 1024 * 4;
//                                                                     public int SendBufferSize { get; set; } = 1024 * 4;
//   src/SuperSocket.Server.Abstractions/ServerOptions.cs:10/15        public class ServerOptions : ConnectionOptions; public string Name { get; set; }
// Where the value is applied: src/SuperSocket.Server.Abstractions/Connections/TcpConnectionFactoryBase.cs:88-99, when > 0,
// on each accepted socket (after the handshake); the same ReceiveBufferSize also sizes the input pipe's reads
// (src/SuperSocket.Connection/PipeConnection.cs:107-113).
namespace SuperSocket.Connection
{
    public class ConnectionOptions
    {
        public int MaxPackageLength { get; set; } = 1024 * 1024;

        public int ReceiveBufferSize { get; set; } = 1024 * 4;

        public int SendBufferSize { get; set; } = 1024 * 4;
    }
}

namespace SuperSocket.Server.Abstractions
{
    public class ServerOptions : SuperSocket.Connection.ConnectionOptions
    {
        public string? Name { get; set; }
    }
}
