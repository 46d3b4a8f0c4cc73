using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using SocketBufferAnalyzers.IntegrationTests.Infrastructure;

namespace SocketBufferAnalyzers.IntegrationTests;

/// <summary>What `dotnet pack src/Package` puts into the .nupkg: an analyzer-only development dependency.</summary>
[Collection(PackagedConsumerCollection.Name)]
public sealed class PackageLayoutTests(PackagedConsumerFixture fixture)
{
    private static readonly string[] AnalyzerAssemblies =
    [
        "analyzers/dotnet/cs/SocketBufferAnalyzers.dll",
        "analyzers/dotnet/cs/SocketBufferAnalyzers.CodeFixes.dll",
    ];

    [Fact]
    public void Package_holds_both_assemblies_under_analyzers_dotnet_cs_and_no_lib()
    {
        var entries = Entries();

        foreach (var assembly in AnalyzerAssemblies)
        {
            Assert.Contains(assembly, entries);
        }

        var assemblies = entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(AnalyzerAssemblies.Order(StringComparer.Ordinal), assemblies);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase) || e.StartsWith("ref/", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && !AnalyzerAssemblies.Contains(e));
    }

    [Fact]
    public void Nuspec_is_a_development_dependency_without_dependencies_and_with_readme_license_and_release_notes()
    {
        using var archive = ZipFile.OpenRead(fixture.PackagePath);
        var nuspecEntry = Assert.Single(archive.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        XDocument nuspec;
        using (var stream = nuspecEntry.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("SocketBufferAnalyzers", Value("id"));
        Assert.Equal(fixture.PackageVersion, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "dependency" || e.Name.LocalName == "group");
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        // Release notes are written once, in src/Package/RELEASE_NOTES.md.
        var releaseNotes = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Package", "RELEASE_NOTES.md")).Trim();
        Assert.False(string.IsNullOrWhiteSpace(releaseNotes));
        Assert.Equal(releaseNotes.ReplaceLineEndings("\n"), Value("releaseNotes")?.Trim().ReplaceLineEndings("\n"));
        Assert.False(string.IsNullOrWhiteSpace(Value("projectUrl")));
        // Project and repository URLs come from one property (SocketBufferAnalyzersRepositoryUrl), so they cannot drift apart.
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(Value("projectUrl"), repository.Attribute("url")?.Value);
        Assert.Equal("git", repository.Attribute("type")?.Value);

        // The icon is a real PNG in the package.
        Assert.Equal("icon.png", Value("icon"));
        using (var icon = archive.GetEntry("icon.png")!.Open())
        {
            var signature = new byte[8];
            icon.ReadExactly(signature);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }

        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.NotNull(archive.GetEntry("LICENSE"));

        var readme = Value("readme");
        Assert.Equal("README.md", readme);
        var readmeEntry = archive.GetEntry(readme!);
        Assert.NotNull(readmeEntry);
        using var reader = new StreamReader(readmeEntry!.Open());
        var readmeText = reader.ReadToEnd();
        Assert.Contains("# SocketBufferAnalyzers", readmeText, StringComparison.Ordinal);
        Assert.Contains("dotnet add package SocketBufferAnalyzers", readmeText, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_carries_build_props_for_every_consumer_and_the_mode_presets()
    {
        var entries = Entries();

        foreach (var folder in new[] { "build", "buildTransitive" })
        {
            Assert.Contains($"{folder}/SocketBufferAnalyzers.props", entries);
            Assert.Contains($"{folder}/SocketBufferAnalyzers.targets", entries);
        }

        Assert.Equal(
            ["configuration/none.globalconfig", "configuration/strict.globalconfig"],
            entries.Where(e => e.StartsWith("configuration/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Analyzer_assemblies_reference_the_Roslyn_baseline_of_the_repository()
    {
        // Built against a newer Microsoft.CodeAnalysis than the user's compiler, the analyzer would not load (CS9057).
        using var archive = ZipFile.OpenRead(fixture.PackagePath);
        var baseline = Version.Parse(fixture.RoslynVersion);
        foreach (var path in AnalyzerAssemblies)
        {
            using var memory = new MemoryStream();
            using (var stream = archive.GetEntry(path)!.Open())
            {
                stream.CopyTo(memory);
            }

            memory.Position = 0;
            using var pe = new PEReader(memory);
            var reader = pe.GetMetadataReader();
            var roslyn = reader.AssemblyReferences
                .Select(h => reader.GetAssemblyReference(h))
                .Where(r => reader.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .Select(r => (Name: reader.GetString(r.Name), r.Version))
                .ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, r => Assert.True(
                r.Version.Major == baseline.Major && r.Version.Minor == baseline.Minor,
                $"{path} references {r.Name} {r.Version}; the repository's Roslyn baseline is {baseline}."));
        }
    }

    private List<string> Entries()
    {
        using var archive = ZipFile.OpenRead(fixture.PackagePath);
        return archive.Entries.Select(e => e.FullName).ToList();
    }
}
