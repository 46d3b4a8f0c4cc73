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
    }
}
