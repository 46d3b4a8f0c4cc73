// pattern: SOCK008 is for a project that consumes a library; when the library's option type is declared in the compilation itself (its own repository, samples compiled with it), SOCK007 already reports the default where it is written and SOCK008 must stay silent (expectations.md: "No SOCK008 is expected in these scans"); learned from SuperSocket (samples/CommandServer: SuperSocketHostBuilder.Create beside src/SuperSocket.Connection/ConnectionOptions.cs) and MQTTnet (samples)
// The SuperSocket types below are minimal stand-ins with the library's names, as when its own source is compiled.
using System;
using System.Net.Sockets;

namespace SuperSocket.Connection
{
    public class ConnectionOptions
    {
        public int ReceiveBufferSize { get; set; } = {|SOCK007:1024 * 4|};

        public int SendBufferSize { get; set; } = {|SOCK007:1024 * 4|};
    }
}

namespace SuperSocket.Server.Abstractions
{
    using SuperSocket.Connection;

    public class ServerOptions : ConnectionOptions
    {
        public string Name { get; set; } = "server";
    }

    public abstract class TcpConnectionFactoryBase
    {
        protected TcpConnectionFactoryBase(ConnectionOptions options) => ConnectionOptions = options;

        protected ConnectionOptions ConnectionOptions { get; }

        protected void ApplySocketOptions(Socket socket)
        {
            if (ConnectionOptions.ReceiveBufferSize > 0)
                socket.ReceiveBufferSize = ConnectionOptions.ReceiveBufferSize;
            if (ConnectionOptions.SendBufferSize > 0)
                socket.SendBufferSize = ConnectionOptions.SendBufferSize;
        }
    }
}

namespace CorpusPending.LibraryDefaultDeclaredInSource
{
    using SuperSocket.Server.Abstractions;

    public static class Sample
    {
        public static ServerOptions Options() => new ServerOptions { Name = "echo" };
    }
}
