using SocketBufferAnalyzers.Catalog;
using SocketBufferAnalyzers.Model;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Catalog
{
    /// <summary>The setter catalog is the one list of API forms: every form is recognised from its row alone.</summary>
    public class SetterCatalogTests
    {
        [Fact]
        public void EveryRowNamesASideAnApiAndADistinctMessageName()
        {
            var names = SetterCatalog.Forms.Select(f => f.DisplayName).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
            Assert.All(SetterCatalog.Forms, form =>
            {
                Assert.False(string.IsNullOrEmpty(form.ShortName));
                Assert.True(form.Shape == SetterShape.PropertySetter ? form.ValueOrdinal == -1 : form.ValueOrdinal >= 0, form.DisplayName);
            });
        }

        [Fact]
        public void TheConnectAndAcceptListsHoldEveryConnectionMember()
        {
            Assert.Contains(SetterCatalog.Connects, m => m.TypeName == SetterCatalog.TcpClient && m.MemberName == "ConnectAsync");
            Assert.Contains(SetterCatalog.Accepts, m => m.TypeName == SetterCatalog.SocketAsyncEventArgs && m.MemberName == "AcceptSocket");
            Assert.Contains(SetterCatalog.Accepts, m => m.TypeName == SetterCatalog.TcpListener && m.MemberName == "EndAcceptTcpClient");
        }

        /// <summary>SocketAsyncEventArgs.AcceptSocket is an accept member of the catalog (it was recognised by type name before).</summary>
        [Fact]
        public Task AcceptSocketOfSocketAsyncEventArgsIsAnAcceptedSocket() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Server
{
    void OnAccepted(SocketAsyncEventArgs e)
    {
        {|SOCK004:e.AcceptSocket!.ReceiveBufferSize = {|SOCK001:{|SOCK003:1024 * 1024|}|}|};
    }
}");

        /// <summary>A property of another type named AcceptSocket is not the catalog's member.</summary>
        [Fact]
        public Task AnotherTypesAcceptSocketIsNotAccepted() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
class Pending { public Socket? AcceptSocket { get; set; } }
class Server
{
    void OnAccepted(Pending p)
    {
        p.AcceptSocket!.ReceiveBufferSize = {|SOCK001:65536|};
    }
}");

        /// <summary>
        /// A library knob added through its catalog row alone (NetMQ's SocketOptions.ReceiveBuffer/SendBuffer, bytes).
        /// The declarations below reproduce NetMQ's public names (NetMQ/SocketOptions.cs); the package itself is tested in LibraryTests.
        /// </summary>
        [Fact]
        public Task NetMqBufferOptionsAreSettings() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
namespace NetMQ { public class SocketOptions { public int ReceiveBuffer { get; set; } public int SendBuffer { get; set; } } }
class C
{
    void M(NetMQ.SocketOptions options, int configured)
    {
        options.ReceiveBuffer = {|SOCK001:65536|};
        options.SendBuffer = {|SOCK002:{|SOCK003:1024 * 1024|}|};
        if (configured > 0) options.ReceiveBuffer = configured;
    }
}");

        [Fact]
        public Task UnrelatedPropertiesWithTheSameNameAreNotSettings() => AnalyzerVerifier.VerifyAsync(@"
using System.Net.Sockets;
namespace Other { public class SocketOptions { public int ReceiveBuffer { get; set; } } }
class C
{
    void M(Other.SocketOptions options) => options.ReceiveBuffer = 8192;
}");

        [Fact]
        public void RowsOfTypesTheCompilationCannotSeeAreDropped()
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("x", references: TestReferences.Net100);
            var bound = BoundCatalog.Bind(compilation);
            var socket = compilation.GetTypeByMetadataName(SetterCatalog.Socket)!;
            var receive = socket.GetMembers("ReceiveBufferSize").OfType<Microsoft.CodeAnalysis.IPropertySymbol>().Single();
            Assert.Equal(BufferSide.Receive, Assert.Single(bound.FormsOfProperty(receive)).Side);
            Assert.Equal(4, bound.FormsOfCall(socket.GetMembers("SetRawSocketOption").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().First()).Length);
            Assert.False(bound.HasConstructionForms);
        }
    }
}
