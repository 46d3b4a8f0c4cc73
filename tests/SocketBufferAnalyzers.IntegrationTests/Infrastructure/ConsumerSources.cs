namespace SocketBufferAnalyzers.IntegrationTests.Infrastructure;

/// <summary>
/// The consumer project the fixture restores against the freshly packed package: code with fixed TCP buffers, as
/// users write it, and a UDP socket on which the TCP rules must stay silent.
/// </summary>
public static class ConsumerSources
{
    public const string ProjectFile = "Consumer.csproj";
    public const string ClientFile = "Client.cs";
    public const string ListenerFile = "Listener.cs";
    public const string TelemetryFile = "Telemetry.cs";

    /// <summary>The text that carries the SOCK001 diagnostic (on its value, 8192).</summary>
    public const string ReceiveSetting = "client.ReceiveBufferSize = 8192;";

    /// <summary>The text that carries a SOCK002 diagnostic in Client.cs (on 64 * 1024).</summary>
    public const string SendSetting = "client.SendBufferSize = 64 * 1024;";

    /// <summary>The text that carries a SOCK002 diagnostic in Listener.cs (on 32 * 1024).</summary>
    public const string RawSendSetting = "socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, 32 * 1024);";

    public static string Project(string packageVersion, string packagesFolder) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <OutputType>Library</OutputType>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <!-- A packages folder of this run only: the global cache can never serve an older build of the analyzer. -->
            <RestorePackagesPath>{packagesFolder}</RestorePackagesPath>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="SocketBufferAnalyzers" Version="{packageVersion}" />
          </ItemGroup>
        </Project>
        """;

    public const string Client = """
        using System.Net.Sockets;

        namespace Consumer;

        public static class Client
        {
            public static TcpClient Open(string host, int port)
            {
                var client = new TcpClient();
                client.ReceiveBufferSize = 8192;
                client.SendBufferSize = 64 * 1024;
                client.Connect(host, port);
                return client;
            }
        }

        """;

    public const string Listener = """
        using System.Net.Sockets;

        namespace Consumer;

        public static class Listener
        {
            public static Socket Create()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, 32 * 1024);
                return socket;
            }
        }

        """;

    public const string Telemetry = """
        using System.Net.Sockets;

        namespace Consumer;

        /// <summary>UDP has no autotuning: a receive buffer below rmem_max is legitimate and gets no diagnostic.</summary>
        public static class Telemetry
        {
            public static Socket Create()
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                socket.ReceiveBufferSize = 128 * 1024;
                return socket;
            }
        }

        """;

    public static IReadOnlyDictionary<string, string> SourceFiles { get; } = new Dictionary<string, string>
    {
        [ClientFile] = Client,
        [ListenerFile] = Listener,
        [TelemetryFile] = Telemetry,
    };

    /// <summary>
    /// The 1-based line and column where <paramref name="value"/> starts on the line that contains
    /// <paramref name="lineText"/>: where the compiler reports a diagnostic on that value.
    /// </summary>
    public static (int Line, int Column) Locate(string source, string lineText, string value)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(lineText, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentException($"No line contains `{lineText}`.", nameof(lineText));
        }

        var column = lines[index].IndexOf(value, lines[index].IndexOf(lineText, StringComparison.Ordinal), StringComparison.Ordinal);
        if (column < 0)
        {
            throw new ArgumentException($"`{value}` is not on the line with `{lineText}`.", nameof(value));
        }

        return (index + 1, column + 1);
    }
}
