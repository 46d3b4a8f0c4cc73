using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// Interfaces are analysed like classes: code in a default implementation, a static member or an accessor body is found;
    /// an abstract-only interface has no operations and reports nothing, while its implementation is judged on its own.
    /// </summary>
    public class InterfaceMemberTests
    {
        private static Task Verify(string source) => AnalyzerVerifier.VerifyAsync(new[] { "using System.Net.Sockets;\n" + source }, Sock001Tests.Sock006Off);

        [Fact]
        public Task DefaultMethodBody() => Verify(@"
interface ITuned
{
    void Tune(Socket unused);
    void Apply(TcpClient client) { client.ReceiveBufferSize = {|SOCK001:8192|}; }
}");

        [Fact]
        public Task ExpressionBodiedDefaultMethod() => Verify(@"
interface ITuned
{
    void Apply(TcpClient client) => client.SendBufferSize = {|SOCK002:8192|};
}");

        [Fact]
        public Task StaticMember() => Verify(@"
interface ITuned
{
    static void Apply(TcpClient client) { client.ReceiveBufferSize = {|SOCK001:16384|}; }
}");

        [Fact]
        public Task AccessorBody() => Verify(@"
interface ITuned
{
    TcpClient Client { get; }
    int Applied { get { Client.ReceiveBufferSize = {|SOCK001:8192|}; return 1; } }
}");

        [Fact]
        public Task AbstractOnlyInterfaceAndItsImplementation() => Verify(@"
interface ITuned
{
    int Size { get; set; }
    void Apply(TcpClient client);
    event System.Action Changed;
}

class Tuned : ITuned
{
    public int Size { get; set; }
    public event System.Action Changed;
    public void Apply(TcpClient client) { client.ReceiveBufferSize = {|SOCK001:4096|}; Changed?.Invoke(); }
}");
    }
}
