using SocketBufferAnalyzers.CodeFixes;
using Verify = SocketBufferAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketBufferAnalyzers.CodeFixes.MoveBeforeConnectCodeFix>;

namespace SocketBufferAnalyzers.Tests.CodeFixes
{
    /// <summary>"Set it before connecting": the move, and the cases where it is not offered.</summary>
    public class MoveBeforeConnectCodeFixTests
    {
        private const string Sock006Off = "dotnet_diagnostic.SOCK006.severity = none";

        [Fact]
        public Task MovesTheSettingAboveConnect() => Verify.VerifyAsync(
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    Socket Open(EndPoint endPoint, int size)
    {
        var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
        s.NoDelay = true;
        s.Connect(endPoint);
        // Larger window for bulk transfers.
        {|SOCK004:s.ReceiveBufferSize = size|};
        return s;
    }
}",
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    Socket Open(EndPoint endPoint, int size)
    {
        var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
        s.NoDelay = true;
        // Larger window for bulk transfers.
        s.ReceiveBufferSize = size;
        s.Connect(endPoint);
        return s;
    }
}",
            MoveBeforeConnectCodeFix.EquivalenceKey,
            Sock006Off);

        [Fact]
        public Task MovesAboveAnAwaitedConnectAndFixesAll() => Verify.VerifyAsync(
            @"
using System.Net.Sockets;
using System.Threading.Tasks;
class C
{
    async Task<TcpClient> Open(int size)
    {
        var client = new TcpClient();
        await client.ConnectAsync(""example.org"", 443);
        {|SOCK004:client.ReceiveBufferSize = size|};
        {|SOCK004:client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, size)|};
        return client;
    }
}",
            @"
using System.Net.Sockets;
using System.Threading.Tasks;
class C
{
    async Task<TcpClient> Open(int size)
    {
        var client = new TcpClient();
        client.ReceiveBufferSize = size;
        client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, size);
        await client.ConnectAsync(""example.org"", 443);
        return client;
    }
}",
            editorConfig: Sock006Off);

        [Fact]
        public Task NotOfferedWhenTheValueIsComputedInBetween()
        {
            var source = @"
using System.Net;
using System.Net.Sockets;
class C
{
    void Open(EndPoint endPoint)
    {
        var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
        s.Connect(endPoint);
        var size = s.Available * 2;
        {|SOCK004:s.ReceiveBufferSize = size|};
    }
}";
            return Verify.VerifyAsync(source, source, editorConfig: Sock006Off);
        }

        [Fact]
        public Task NotOfferedForAcceptedSocketsOrTheConnectingConstructor()
        {
            var source = @"
using System.Net.Sockets;
class C
{
    void Serve(TcpListener listener, int size)
    {
        var accepted = listener.AcceptSocket();
        {|SOCK004:accepted.ReceiveBufferSize = size|};
        var client = new TcpClient(""example.org"", 443);
        {|SOCK004:client.ReceiveBufferSize = size|};
    }
}";
            return Verify.VerifyAsync(source, source, editorConfig: Sock006Off);
        }

        [Fact]
        public Task NotOfferedWhenConnectIsInAnotherBlock()
        {
            var source = @"
using System.Net;
using System.Net.Sockets;
class C
{
    void Open(EndPoint endPoint, int size, bool flag)
    {
        var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
        if (flag)
        {
            s.Connect(endPoint);
        }

        {|SOCK004:s.ReceiveBufferSize = size|};
    }
}";
            return Verify.VerifyAsync(source, source, editorConfig: Sock006Off);
        }

        [Fact]
        public Task OneLineBody() => Verify.VerifyAsync(
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(Socket s, EndPoint e, int size) { s.Connect(e); {|SOCK004:s.ReceiveBufferSize = size|}; }
}",
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(Socket s, EndPoint e, int size) { s.ReceiveBufferSize = size; s.Connect(e); }
}",
            MoveBeforeConnectCodeFix.EquivalenceKey,
            Sock006Off);

        [Fact]
        public Task SettingBesideTheConnectCallGetsALineOfItsOwn() => Verify.VerifyAsync(
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(Socket s, EndPoint e, int size)
    {
        s.Connect(e); {|SOCK004:s.ReceiveBufferSize = size|};
        s.NoDelay = true;
    }
}",
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(Socket s, EndPoint e, int size)
    {
        s.ReceiveBufferSize = size;
        s.Connect(e);
        s.NoDelay = true;
    }
}",
            MoveBeforeConnectCodeFix.EquivalenceKey,
            Sock006Off);

        [Fact]
        public Task SettingFirstOnALineWithMoreCode() => Verify.VerifyAsync(
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(Socket s, EndPoint e, int size)
    {
        s.Connect(e);
        {|SOCK004:s.ReceiveBufferSize = size|}; s.NoDelay = true;
#if DEBUG
        s.Blocking = true;
#endif
    }
}",
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(Socket s, EndPoint e, int size)
    {
        s.ReceiveBufferSize = size;
        s.Connect(e);
        s.NoDelay = true;
#if DEBUG
        s.Blocking = true;
#endif
    }
}",
            MoveBeforeConnectCodeFix.EquivalenceKey,
            Sock006Off);

        [Fact]
        public Task TopLevelStatements()
        {
            var test = Verify.Create(MoveBeforeConnectCodeFix.EquivalenceKey, Sock006Off);
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            test.TestState.Sources.Add(@"using System.Net.Sockets;
var size = int.Parse(args[0]);
var client = new TcpClient();
client.Connect(""example.org"", 443);
// Bulk transfers.
{|SOCK004:client.ReceiveBufferSize = size|};
client.NoDelay = true;
");
            test.FixedState.Sources.Add(@"using System.Net.Sockets;
var size = int.Parse(args[0]);
var client = new TcpClient();
// Bulk transfers.
client.ReceiveBufferSize = size;
client.Connect(""example.org"", 443);
client.NoDelay = true;
");
            return test.RunAsync();
        }

        [Fact]
        public Task SwitchSection() => Verify.VerifyAsync(
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(Socket s, EndPoint e, int size, int mode)
    {
        switch (mode)
        {
            case 1:
                s.Connect(e);
                {|SOCK004:s.ReceiveBufferSize = size|};
                break;
        }
    }
}",
            @"
using System.Net;
using System.Net.Sockets;
class C
{
    void M(Socket s, EndPoint e, int size, int mode)
    {
        switch (mode)
        {
            case 1:
                s.ReceiveBufferSize = size;
                s.Connect(e);
                break;
        }
    }
}",
            MoveBeforeConnectCodeFix.EquivalenceKey,
            Sock006Off);
    }
}
