using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketBufferAnalyzers.Catalog;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Tests.Verifiers;
using Xunit;

namespace SocketBufferAnalyzers.Tests.Catalog
{
    /// <summary>The catalog's own type lookup answers as the compiler's <see cref="Compilation.GetTypeByMetadataName"/> does.</summary>
    public class TypeLookupTests
    {
        private static CSharpCompilation Compile(string source = "") =>
            CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.Net100);

        [Theory]
        [InlineData("System.Net.Sockets.Socket")]
        [InlineData("System.Net.Sockets.TcpClient")]
        [InlineData("System.Net.Sockets.SocketType")]
        [InlineData("System.Net.Sockets.AddressFamily")]
        [InlineData("System.Net.Sockets.SocketAsyncEventArgs")]
        [InlineData("System.BitConverter")]
        [InlineData("System.Collections.Generic.KeyValuePair`2")]
        [InlineData("System.Collections.Generic.Dictionary`2")]
        [InlineData("System.Environment+SpecialFolder")]
        public void FindsWhatTheCompilerFinds(string metadataName)
        {
            var compilation = Compile();
            var expected = compilation.GetTypeByMetadataName(metadataName);
            Assert.NotNull(expected);
            Assert.Equal(expected, new TypeLookup(compilation).Find(metadataName), SymbolEqualityComparer.Default);
        }

        [Theory]
        [InlineData("MongoDB.Driver.MongoClient")]
        [InlineData("System.Net.Sockets.NoSuchType")]
        [InlineData("System.NoSuchNamespace.Socket")]
        [InlineData("System.Collections.Generic.KeyValuePair`3")]
        public void AnAbsentTypeIsNull(string metadataName) => Assert.Null(new TypeLookup(Compile()).Find(metadataName));

        [Fact]
        public void TheCompilationsOwnDeclarationsAreFound()
        {
            var compilation = Compile("namespace MQTTnet { public class MqttClientTcpOptions { public class Inner { } } } namespace System.Net.Sockets { public class Socket { } }");
            var lookup = new TypeLookup(compilation);
            Assert.Equal(compilation.Assembly, lookup.Find("MQTTnet.MqttClientTcpOptions")!.ContainingAssembly, SymbolEqualityComparer.Default);
            Assert.Equal("Inner", lookup.Find("MQTTnet.MqttClientTcpOptions+Inner")!.Name);

            // A source type under a framework name is the one the compiler binds to: the lookup does not go past it.
            Assert.Equal(compilation.GetTypeByMetadataName("System.Net.Sockets.Socket"), lookup.Find("System.Net.Sockets.Socket"), SymbolEqualityComparer.Default);
            Assert.Equal(compilation.Assembly, lookup.Find("System.Net.Sockets.Socket")!.ContainingAssembly, SymbolEqualityComparer.Default);
        }

        [Fact]
        public void TwoDeclarationsOfOneNameAreLeftToTheCompiler()
        {
            var library = CSharpCompilation.Create("lib", new[] { CSharpSyntaxTree.ParseText("namespace Shared { public class Options { } }") }, TestReferences.Net100);
            var compilation = CSharpCompilation.Create(
                "x", new[] { CSharpSyntaxTree.ParseText("namespace Shared { public class Options { } }") }, TestReferences.Net100.Append(library.ToMetadataReference()));
            Assert.Equal(compilation.GetTypeByMetadataName("Shared.Options"), new TypeLookup(compilation).Find("Shared.Options"), SymbolEqualityComparer.Default);
        }

        [Fact]
        public void ALibrarysTypesAreFoundInAnyReferencedAssembly()
        {
            // A library's types in a referenced assembly (whatever its name) are found; an absent library's root namespace ends the walk at once.
            var library = CSharpCompilation.Create(
                "Vendor.Bundle", new[] { CSharpSyntaxTree.ParseText("namespace MQTTnet.Client { public class MqttClientOptions { } }") }, TestReferences.Net100,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var compilation = CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText(string.Empty) }, TestReferences.Net100.Append(library.ToMetadataReference()));
            var lookup = new TypeLookup(compilation);
            Assert.Equal(compilation.GetTypeByMetadataName("MQTTnet.Client.MqttClientOptions"), lookup.Find("MQTTnet.Client.MqttClientOptions"), SymbolEqualityComparer.Default);
            Assert.NotNull(lookup.Find("MQTTnet.Client.MqttClientOptions"));
            Assert.Null(lookup.Find("MongoDB.Driver.MongoClient"));
        }

        [Theory]
        [InlineData("Microsoft.Vendor.Messaging")]
        [InlineData("System.Vendor")]
        [InlineData("netstandard")]
        public void AnUnsignedReferenceUnderAFrameworkNameIsStillAsked(string assemblyName)
        {
            // The framework's own assemblies are skipped when a library's root is looked for; they are told by Microsoft's
            // signing key, not by name alone.
            var library = CSharpCompilation.Create(
                assemblyName, new[] { CSharpSyntaxTree.ParseText("namespace NetMQ { public class SocketOptions { } }") }, TestReferences.Net100,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var compilation = CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText(string.Empty) }, TestReferences.Net100.Append(library.ToMetadataReference()));
            var lookup = new TypeLookup(compilation);
            Assert.NotNull(lookup.Find("NetMQ.SocketOptions"));
            Assert.Equal(compilation.GetTypeByMetadataName("NetMQ.SocketOptions"), lookup.Find("NetMQ.SocketOptions"), SymbolEqualityComparer.Default);
            Assert.Null(lookup.Find("Amqp.TcpSettings"));
        }

        [Fact]
        public void AnAbsentRootStaysAbsentForEveryNameUnderItAndOnlyForThose()
        {
            // The absent root is remembered after its first name; a present library under another root is still found.
            var library = CSharpCompilation.Create(
                "MongoLike", new[] { CSharpSyntaxTree.ParseText("namespace MongoDBX.Driver { public class MongoClient { } }") }, TestReferences.Net100);
            var compilation = CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText(string.Empty) }, TestReferences.Net100.Append(library.ToMetadataReference()));
            var lookup = new TypeLookup(compilation);
            Assert.Null(lookup.Find("MongoDB.Driver.MongoClient"));
            Assert.Null(lookup.Find("MongoDB.Driver.MongoClientSettings"));
            Assert.Null(lookup.Find("MongoDB.Driver.Core.Configuration.TcpStreamSettings"));
            Assert.Equal(compilation.GetTypeByMetadataName("MongoDBX.Driver.MongoClient"), lookup.Find("MongoDBX.Driver.MongoClient"), SymbolEqualityComparer.Default);
            Assert.NotNull(lookup.Find("MongoDBX.Driver.MongoClient"));
        }

        [Theory]
        [InlineData("System.Math", true)]
        [InlineData("System.Runtime.InteropServices.OSPlatform", false)]
        [InlineData("Math", false)]
        [InlineData("Runtime.Math", false)]
        [InlineData("Other.System.Math", false)]
        [InlineData("System.Mat", false)]
        public void TypeNamesCompareEveryPart(string fullName, bool expected)
        {
            var math = Compile().GetTypeByMetadataName("System.Math");
            Assert.Equal(expected, TypeNames.Is(math, fullName));
        }

        [Fact]
        public void TypeNamesTellNestedAndDeeperTypesApart()
        {
            var compilation = Compile("namespace A.B { public class C { public class D { } } } public class E { }");
            Assert.True(TypeNames.Is(compilation.GetTypeByMetadataName("A.B.C"), "A.B.C"));
            Assert.False(TypeNames.Is(compilation.GetTypeByMetadataName("A.B.C"), "B.C"));
            Assert.False(TypeNames.Is(compilation.GetTypeByMetadataName("A.B.C+D"), "A.B.C.D"));
            Assert.True(TypeNames.Is(compilation.GetTypeByMetadataName("E"), "E"));
            Assert.False(TypeNames.Is(null, "E"));
        }
    }
}
