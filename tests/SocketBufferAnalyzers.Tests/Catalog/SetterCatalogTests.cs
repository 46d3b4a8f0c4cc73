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
        /// A library knob added through its catalog row alone (NetMQ's SocketOptions.ReceiveBuffer/SendBuffer, bytes, applied after
        /// Connect, 0 = not set). The declarations below reproduce NetMQ's public names (NetMQ/SocketOptions.cs); the package itself is
        /// tested in LibraryTests. A configured value needs no guard (configuration 0 already leaves the socket alone), but a
        /// configured receive size is still applied after Connect.
        /// </summary>
        [Fact]
        public Task NetMqBufferOptionsAreSettings() => AnalyzerVerifier.VerifyWithLibraryAsync("NetMQ", NetMqOptions, @"
using System.Net.Sockets;
class C
{
    void M(NetMQ.SocketOptions options, int configured)
    {
        {|SOCK004:options.ReceiveBuffer = {|SOCK001:{|SOCK003:1024 * 1024|}|}|};
        options.SendBuffer = {|SOCK002:65536|};
        options.SendBuffer = 0;
        options.SendBuffer = configured;
        {|SOCK004:options.ReceiveBuffer = configured|};
    }
}");

        /// <summary>
        /// The same knob where the compilation declares it (NetMQ's own repository): constants given to it keep their diagnostics, a
        /// configured value is the library's plumbing (its real setting on the socket is in the same source, judged there): no SOCK004.
        /// </summary>
        [Fact]
        public Task NetMqKnobDeclaredInSourceIsJudgedByItsConstants() => AnalyzerVerifier.VerifyAsync(NetMqOptions + @"
class C
{
    void M(NetMQ.SocketOptions options, int configured)
    {
        {|SOCK004:options.ReceiveBuffer = {|SOCK001:{|SOCK003:1024 * 1024|}|}|};
        options.SendBuffer = {|SOCK002:65536|};
        options.ReceiveBuffer = configured;
    }
}");

        private const string NetMqOptions = @"
namespace NetMQ { public class SocketOptions { public int ReceiveBuffer { get; set; } public int SendBuffer { get; set; } } }
";

        /// <summary>
        /// Copying a knob from another options object (Hazelcast's copy constructor) configures nothing: no SOCK006 there, while
        /// an unguarded configured value still gets it. The declaration reproduces Hazelcast.Net's public names (Networking/SocketOptions.cs).
        /// </summary>
        [Fact]
        public Task CopyingAKnobIsNotConfiguringIt() => AnalyzerVerifier.VerifyWithLibraryAsync("Hazelcast.Net", HazelcastSocketOptions, @"
class Settings { public int Kib { get; set; } }
class C
{
    void M(Hazelcast.Networking.SocketOptions options, Settings settings)
    {
        options.BufferSizeKiB = {|SOCK006:{|SOCK006:settings.Kib|}|};
    }
}");

        /// <summary>
        /// Hazelcast's own repository (the knob's type declared in the compilation, here without the copy constructor): a configured
        /// value is the library's plumbing, no SOCK006 at the knob; a constant given to it is still a setting (32 KiB: SOCK001 and SOCK002).
        /// </summary>
        [Fact]
        public Task KnobDeclaredInSourceForwardsConfigurationSilently() => AnalyzerVerifier.VerifyAsync(@"
namespace Hazelcast.Networking { public class SocketOptions { public int BufferSizeKiB { get; set; } } }
class Settings { public int Kib { get; set; } }
class C
{
    void M(Hazelcast.Networking.SocketOptions options, Settings settings)
    {
        options.BufferSizeKiB = settings.Kib;
        options.BufferSizeKiB = {|SOCK001:{|SOCK002:32|}|};
    }
}");

        private const string HazelcastSocketOptions = @"
namespace Hazelcast.Networking
{
    public class SocketOptions
    {
        public SocketOptions() { }
        private SocketOptions(SocketOptions other) { BufferSizeKiB = other.BufferSizeKiB; }
        public int BufferSizeKiB { get; set; }
        public SocketOptions Clone() => new SocketOptions(this);
    }
}
";

        /// <summary>
        /// SOCK008 is for a project that consumes the library: SuperSocket's ServerOptions from a compiled reference gets it where it is
        /// created; the same declarations in the compilation itself (SuperSocket's repository and samples) do not (corpus 118).
        /// </summary>
        [Fact]
        public Task LockingDefaultIsReportedWhereTheLibraryIsConsumed() => AnalyzerVerifier.VerifyWithLibraryAsync("SuperSocket.Server", SuperSocketOptions, @"
class Sample
{
    SuperSocket.Server.Abstractions.ServerOptions Options() => {|SOCK008:new SuperSocket.Server.Abstractions.ServerOptions { Name = ""echo"" }|};
}");

        [Fact]
        public Task LockingDefaultIsSilentInTheLibrarysOwnSource() => AnalyzerVerifier.VerifyAsync(SuperSocketOptions + @"
class Sample
{
    SuperSocket.Server.Abstractions.ServerOptions Options() => new SuperSocket.Server.Abstractions.ServerOptions { Name = ""echo"" };
}");

        private const string SuperSocketOptions = @"
namespace SuperSocket.Connection { public class ConnectionOptions { public int ReceiveBufferSize { get; set; } public int SendBufferSize { get; set; } } }
namespace SuperSocket.Server.Abstractions { public class ServerOptions : SuperSocket.Connection.ConnectionOptions { public string Name { get; set; } = """"; } }
";

        /// <summary>Every library knob row says which library it is and is not a socket; a locking default is one of the five of SOCK008.</summary>
        [Fact]
        public void KnobRowsNameTheirLibraryAndLockingDefaultsAgreeWithThem()
        {
            var knobs = SetterCatalog.Forms.Where(f => !f.ReceiverIsSocket).ToList();
            Assert.Equal(11, knobs.Select(f => f.Library).Distinct().Count());
            Assert.All(knobs, f => Assert.False(string.IsNullOrEmpty(f.Library), f.DisplayName));
            Assert.Equal(
                new[] { "Akka.Remote", "Hazelcast.Net", "MQTTnet", "MongoDB.Driver", "SuperSocket" },
                LibraryKnobs.LockingDefaults.Select(d => d.Library).OrderBy(l => l, StringComparer.Ordinal));

            // Where a locking default's library has knob rows, the rows carry the same default, timing and meaning of 0.
            foreach (var row in LibraryKnobs.LockingDefaults)
            {
                foreach (var form in knobs.Where(f => f.Library == row.Library))
                {
                    Assert.True(form.DefaultAppliedUnconditionally, form.DisplayName);
                    Assert.Equal(form.Side == BufferSide.Receive ? row.ReceiveBytes : row.SendBytes, form.LibraryDefault * (long)form.Unit);
                    Assert.Equal(row.AppliedAfterConnect, form.AppliedAfterConnect);
                    Assert.Equal(row.ZeroAccepted, form.MeansUnset(0));
                }
            }

            // No other row claims a default applied to every connection (AMQPNetLite's getter shows 8192 but applies nothing).
            Assert.All(knobs.Where(f => f.DefaultAppliedUnconditionally), f => Assert.Contains(LibraryKnobs.LockingDefaults, d => d.Library == f.Library));
        }

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
            var bound = BoundCatalog.Bind(new TypeLookup(compilation));
            var socket = compilation.GetTypeByMetadataName(SetterCatalog.Socket)!;
            var receive = socket.GetMembers("ReceiveBufferSize").OfType<Microsoft.CodeAnalysis.IPropertySymbol>().Single();
            Assert.Equal(BufferSide.Receive, Assert.Single(bound.FormsOfProperty(receive)).Side);
            Assert.Equal(4, bound.FormsOfCall(socket.GetMembers("SetRawSocketOption").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().First()).Length);
            Assert.False(bound.HasConstructionForms);
            Assert.False(bound.HasLockingDefaults);

            // A general type's member that is a knob only with its library (Kafka keys in a Dictionary<string, string>) is dropped without it.
            var dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2")!;
            Assert.Empty(bound.FormsOfProperty(dictionary.GetMembers("this[]").OfType<Microsoft.CodeAnalysis.IPropertySymbol>().Single()));
        }
    }
}
