using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Catalog
{
    /// <summary>
    /// Row features that the real packages cannot show in one build: a library version that applies its knob after
    /// Connect (Npgsql before 10.0; the LibraryTests project references 10.0.3), told apart by the referenced assembly's version.
    /// The library is a small assembly with Npgsql's public names (src/Npgsql/NpgsqlConnectionStringBuilder.cs) and the given version.
    /// </summary>
    public class LibraryKnobRowTests
    {
        private const string User = @"
class C
{
    static Npgsql.NpgsqlConnectionStringBuilder B() => new Npgsql.NpgsqlConnectionStringBuilder { SocketReceiveBufferSize = 128 * 1024 };
    static Npgsql.NpgsqlConnection Open() => new Npgsql.NpgsqlConnection(""Host=db;Socket Receive Buffer Size=131072"");
}";

        [Theory]
        [InlineData("9.0.5.0", true)]
        [InlineData("8.0.3.0", true)]
        [InlineData("10.0.0.0", false)]
        [InlineData("10.0.3.0", false)]
        public async Task NpgsqlBefore10AppliesTheSocketOptionsAfterConnect(string version, bool afterConnect)
        {
            var ids = (await RunAsync(version)).Select(d => d.Id).ToList();
            Assert.Equal(2, ids.Count(id => id == "SOCK001"));
            Assert.Equal(afterConnect ? 2 : 0, ids.Count(id => id == "SOCK004"));
        }

        /// <summary>MQTTnet 4 declares the same knob as MQTTnet.Client.MqttClientTcpOptions (v4.3.7.1207 Client/Options/MqttClientTcpOptions.cs:10,17): an alternative type name of the row.</summary>
        [Fact]
        public Task MqttNet4OptionsTypeIsTheSameKnob() => AnalyzerVerifier.VerifyAsync(@"
namespace MQTTnet.Client { public class MqttClientTcpOptions { public int BufferSize { get; set; } = 8192; } }
namespace Other { public class MqttClientTcpOptions { public int BufferSize { get; set; } } }
class C
{
    static object A() => new MQTTnet.Client.MqttClientTcpOptions { BufferSize = {|SOCK001:{|SOCK002:65536|}|} };
    static object B() => new Other.MqttClientTcpOptions { BufferSize = 65536 };
}");

        private static async Task<ImmutableArray<Diagnostic>> RunAsync(string version)
        {
            var library = CSharpCompilation.Create(
                "Npgsql",
                new[]
                {
                    CSharpSyntaxTree.ParseText(@"
[assembly: System.Reflection.AssemblyVersion(""" + version + @""")]
namespace Npgsql
{
    public class NpgsqlConnectionStringBuilder { public int SocketReceiveBufferSize { get; set; } public int SocketSendBufferSize { get; set; } }
    public class NpgsqlConnection { public NpgsqlConnection(string connectionString) { } }
}"),
                },
                TestReferences.Net100,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var user = CSharpCompilation.Create(
                "User",
                new[] { CSharpSyntaxTree.ParseText(User, path: "/0/Test0.cs") },
                TestReferences.Net100.Add(library.ToMetadataReference()),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(user.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return await user.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBufferAnalyzer())).GetAnalyzerDiagnosticsAsync();
        }
    }
}
