using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SocketBufferAnalyzers.Tests.Verifiers
{
    /// <summary>The .NET 10 reference assemblies, shipped in a package: no download at test time.</summary>
    internal static class TestReferences
    {
        public static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

        public static ImmutableArray<MetadataReference> Net100 { get; } =
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

        public static void Apply(SolutionState state)
        {
            state.AdditionalReferences.AddRange(Net100);
        }

        /// <summary>
        /// A library's declarations compiled into a reference, as a project that consumes the library sees them (a type declared in
        /// the analysed compilation itself is the library's own repository, which the knob rows treat differently).
        /// </summary>
        public static MetadataReference Compile(string source, string assemblyName)
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                assemblyName,
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
                Net100,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                throw new InvalidOperationException("The library stub does not compile:\n" + string.Join("\n", result.Diagnostics));
            }

            return MetadataReference.CreateFromImage(image.ToArray());
        }
    }
}
