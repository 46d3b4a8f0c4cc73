using SocketBufferAnalyzers.CodeFixes;
using GuardVerify = SocketBufferAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketBufferAnalyzers.CodeFixes.ApplyOnlyWhenConfiguredCodeFix>;
using ShipVerify = SocketBufferAnalyzers.Tests.Verifiers.CodeFixVerifier<SocketBufferAnalyzers.CodeFixes.ShipNoFixedDefaultCodeFix>;

namespace SocketBufferAnalyzers.Tests.CodeFixes
{
    /// <summary>"Apply it only when configured" (SOCK006) and "Ship no fixed default" (SOCK007).</summary>
    public class ConfigurationFixesTests
    {
        [Fact]
        public Task WrapsInAPositiveGuard() => GuardVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class Options { public int ReceiveBufferSize { get; set; } }
class C
{
    void M(Socket socket, Options options)
    {
        socket.ReceiveBufferSize = {|SOCK006:options.ReceiveBufferSize|};
    }
}",
            @"
using System.Net.Sockets;
class Options { public int ReceiveBufferSize { get; set; } }
class C
{
    void M(Socket socket, Options options)
    {
        if (options.ReceiveBufferSize > 0)
        {
            socket.ReceiveBufferSize = options.ReceiveBufferSize;
        }
    }
}",
            ApplyOnlyWhenConfiguredCodeFix.EquivalenceKey);

        [Fact]
        public Task NullableUsesHasValue() => GuardVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class C
{
    int? size;

    void M(Socket socket)
    {
        socket.SendBufferSize = {|SOCK006:size.Value|};
    }
}",
            @"
using System.Net.Sockets;
class C
{
    int? size;

    void M(Socket socket)
    {
        if (size.HasValue)
        {
            socket.SendBufferSize = size.Value;
        }
    }
}");

        [Fact]
        public Task NotOfferedForACallThatWouldRunTwice()
        {
            var source = @"
using System.Net.Sockets;
class C
{
    int Size() => 1;
    void M(Socket socket)
    {
        socket.SendBufferSize = {|SOCK006:Size()|};
    }
}";
            return GuardVerify.VerifyAsync(source, source);
        }

        [Fact]
        public Task ShipsZeroWhenEverySetterIsGuarded() => ShipVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class Options
{
    public int ReceiveBuffer { get; set; } = {|SOCK007:32 * 1024|};
    private int sendBuffer = {|SOCK007:64 * 1024|};
    public void Apply(Socket s)
    {
        if (ReceiveBuffer > 0) s.ReceiveBufferSize = ReceiveBuffer;
        if (sendBuffer != 0) s.SendBufferSize = sendBuffer;
    }
}",
            @"
using System.Net.Sockets;
class Options
{
    public int ReceiveBuffer { get; set; } = 0;
    private int sendBuffer = 0;
    public void Apply(Socket s)
    {
        if (ReceiveBuffer > 0) s.ReceiveBufferSize = ReceiveBuffer;
        if (sendBuffer != 0) s.SendBufferSize = sendBuffer;
    }
}",
            ShipNoFixedDefaultCodeFix.EquivalenceKey);

        [Fact]
        public Task NullableDefaultIsRemoved() => ShipVerify.VerifyAsync(
            @"
using System.Net.Sockets;
class Options
{
    public int? ReceiveBuffer { get; set; } = {|SOCK007:8192|};
    public void Apply(Socket s)
    {
        if (ReceiveBuffer.HasValue) s.ReceiveBufferSize = ReceiveBuffer.Value;
    }
}",
            @"
using System.Net.Sockets;
class Options
{
    public int? ReceiveBuffer { get; set; }
    public void Apply(Socket s)
    {
        if (ReceiveBuffer.HasValue) s.ReceiveBufferSize = ReceiveBuffer.Value;
    }
}");

        [Fact]
        public Task NotOfferedWhenASetterIsUnguarded()
        {
            var source = @"
using System.Net.Sockets;
class Options
{
    public int ReceiveBuffer = {|SOCK007:8192|};
    public void Apply(Socket s) => s.ReceiveBufferSize = {|SOCK006:ReceiveBuffer|};
}";
            return ShipVerify.VerifyAsync(source, source);
        }
    }
}
