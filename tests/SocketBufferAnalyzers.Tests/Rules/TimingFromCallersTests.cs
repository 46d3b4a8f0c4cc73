using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// Connection timing across methods (rule 4 of "Across methods and types"): a receive setting on a socket parameter is
    /// after the connection when some caller passes a socket it accepted (even where other callers pass fresh ones), or
    /// connected first, also through a helper of its own type that connects the socket it is given.
    /// </summary>
    public class TimingFromCallersTests
    {
        private const string Tune = @"
    private static void Tune(TcpClient client)
    {
        client.ReceiveBufferSize = 128 * 1024;
    }";

        [Fact]
        public async Task AnAcceptedSocketAmongFreshOnesMakesTheSettingLateAndNamesTheAccept()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net.Sockets;
using System.Threading.Tasks;
class Forwarder
{
    private readonly TcpListener _listener = new TcpListener(System.Net.IPAddress.Any, 0);

    public async Task RunAsync()
    {
        var fresh = new TcpClient();
        Tune(fresh);
        await fresh.ConnectAsync(""example.org"", 80);
        TcpClient accepted = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
        Tune(accepted);
    }
" + Tune + @"
}");
            var late = DiagnosticProbe.Single(diagnostics, "SOCK004");
            Assert.StartsWith("ReceiveBufferSize is set on a socket from AcceptTcpClientAsync in Forwarder.RunAsync, too late: ", late.GetMessage());
            Assert.EndsWith("Set it on the listener before it starts; accepted sockets inherit it.", late.GetMessage());
        }

        [Fact]
        public async Task AnAcceptedSocketPassedOnThroughAParameterNamesWhereItWasAccepted()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net.Sockets;
class Server
{
    public void Serve(TcpListener listener)
    {
        Handle(listener.AcceptTcpClient());
        Handle(new TcpClient());
    }

    private static void Handle(TcpClient client) => Tune(client);
" + Tune + @"
}");
            Assert.StartsWith("ReceiveBufferSize is set on a socket from AcceptTcpClient in Server.Serve, too late: ", DiagnosticProbe.Single(diagnostics, "SOCK004").GetMessage());
        }

        [Fact]
        public async Task ALocalDeclaredEmptyAndThenAcceptedNamesTheAccept()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net.Sockets;
using System.Threading.Tasks;
class Relay
{
    private readonly TcpListener _listener = new TcpListener(System.Net.IPAddress.Any, 0);

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            TcpClient client = null;
            client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
            Tune(client);
            Tune(new TcpClient());
        }
    }
" + Tune + @"
}");
            Assert.StartsWith("ReceiveBufferSize is set on a socket from AcceptTcpClientAsync in Relay.AcceptLoopAsync, too late: ", DiagnosticProbe.Single(diagnostics, "SOCK004").GetMessage());
        }

        [Fact]
        public async Task OnlyFreshSocketsBeforeConnectingKeepTheSettingOnTime()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net.Sockets;
using System.Threading.Tasks;
class Client
{
    public async Task OpenAsync()
    {
        var first = new TcpClient();
        Tune(first);
        await first.ConnectAsync(""example.org"", 80);
        var second = new TcpClient();
        Tune(second);
        second.Connect(""example.org"", 81);
    }
" + Tune + @"
}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "SOCK004");
        }

        [Fact]
        public async Task AnAcceptedSocketMakesNoSendSettingLate()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net.Sockets;
class Server
{
    public void Serve(TcpListener listener)
    {
        Tune(listener.AcceptTcpClient());
        Tune(new TcpClient());
    }

    private static void Tune(TcpClient client)
    {
        client.SendBufferSize = 128 * 1024;
    }
}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "SOCK004");
            Assert.Single(diagnostics, d => d.Id == "SOCK002");
        }

        private const string Factory = @"
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
class Factory
{
    private static async Task ConnectAsync(Socket socket, EndPoint end) => await socket.ConnectAsync(end);

    private static void Connect(Socket socket, EndPoint end)
    {
        socket.Connect(end);
    }

    private static void Bind(Socket socket, EndPoint end) => socket.Bind(end);

    private static void Configure(Socket socket)
    {
        socket.ReceiveBufferSize = 128 * 1024;
    }
";

        [Fact]
        public async Task AHelperOfTheTypeThatConnectsTheSocketMakesTheLaterSettingLate()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(Factory + @"
    public async Task<Socket> OpenAsync(EndPoint end)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await ConnectAsync(socket, end);
        Configure(socket);
        return socket;
    }
}");
            var late = DiagnosticProbe.Single(diagnostics, "SOCK004");
            Assert.StartsWith("ReceiveBufferSize is set after ConnectAsync in Factory.OpenAsync, too late: ", late.GetMessage());
        }

        [Fact]
        public async Task AHelperOfTheCallersTypeCountsForAPublicMemberOfAnotherType()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(@"
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
public static class Tuning
{
    public static void Configure(Socket socket)
    {
        socket.ReceiveBufferSize = 128 * 1024;
    }
}

class Client
{
    private static Task ConnectAsync(Socket socket, EndPoint end) => socket.ConnectAsync(end);

    public async Task OpenAsync(EndPoint end)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await ConnectAsync(socket, end);
        Tuning.Configure(socket);
    }
}");
            Assert.StartsWith("ReceiveBufferSize is set after ConnectAsync in Client.OpenAsync, too late: ", DiagnosticProbe.Single(diagnostics, "SOCK004").GetMessage());
        }

        [Fact]
        public async Task AConditionalHelperConnectMayPrecedeTheSetting()
        {
            var diagnostics = await DiagnosticProbe.RunAsync(Factory + @"
    public Socket Open(EndPoint end, bool now)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        if (now)
        {
            Connect(socket, end);
        }

        Configure(socket);
        return socket;
    }
}");
            Assert.StartsWith("ReceiveBufferSize is set after Connect in Factory.Open, too late: ", DiagnosticProbe.Single(diagnostics, "SOCK004").GetMessage());
        }

        [Theory]
        [InlineData("Configure(socket);\n        Connect(socket, end);")]
        [InlineData("Bind(socket, end);\n        Configure(socket);")]
        [InlineData("Connect(other, end);\n        Configure(socket);")]
        [InlineData("if (now) { Connect(socket, end); } else { Configure(socket); }")]
        [InlineData("System.Action later = () => Connect(socket, end);\n        Configure(socket);\n        later();")]
        public async Task AHelperThatDoesNotConnectTheSocketFirstLeavesTheSettingOnTime(string body)
        {
            var diagnostics = await DiagnosticProbe.RunAsync(Factory + @"
    public Socket Open(EndPoint end, bool now)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var other = new Socket(SocketType.Stream, ProtocolType.Tcp);
        " + body + @"
        return socket;
    }
}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "SOCK004");
            Assert.Single(diagnostics, d => d.Id == "SOCK001");
        }
    }
}
