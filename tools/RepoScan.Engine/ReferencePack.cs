using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.RepoScan;

/// <summary>
/// The reference assemblies a scan compiles against: the SDK's installed Microsoft.NETCore.App.Ref pack (and
/// Microsoft.AspNetCore.App.Ref beside it when installed). The pack folder comes from the MSBuild properties
/// NetCoreTargetingPackRoot and BundledNETCoreAppPackageVersion baked into this assembly at build time; on a machine
/// where that path does not exist (an installed tool), the same pack is looked for next to the running runtime, and
/// as a last resort the running runtime's own assemblies are used.
/// </summary>
public sealed class ReferencePack
{
    private ReferencePack(string description, IReadOnlyList<string> paths)
    {
        Description = description;
        Paths = paths;
    }

    /// <summary>Where the references came from, for the scan's header.</summary>
    public string Description { get; }

    public IReadOnlyList<string> Paths { get; }

    public IEnumerable<MetadataReference> CreateReferences() => Paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));

    /// <summary>Finds the reference pack, adding every assembly in <paramref name="extraDirectories"/>.</summary>
    public static ReferencePack Find(IEnumerable<string>? extraDirectories = null)
    {
        var extras = (extraDirectories ?? []).SelectMany(d => Directory.EnumerateFiles(d, "*.dll")).Where(IsManagedAssembly).ToList();
        var assembly = typeof(ReferencePack).Assembly;
        var framework = Metadata(assembly, "TargetFramework") ?? "net10.0";

        foreach (var (root, version) in Candidates(assembly))
        {
            var core = Path.Combine(root, "Microsoft.NETCore.App.Ref", version, "ref", framework);
            if (!Directory.Exists(core))
            {
                continue;
            }

            var folders = new List<string> { core };
            var asp = Path.Combine(root, "Microsoft.AspNetCore.App.Ref", version, "ref", framework);
            if (Directory.Exists(asp))
            {
                folders.Add(asp);
            }

            var paths = folders.SelectMany(f => Directory.EnumerateFiles(f, "*.dll")).OrderBy(p => p, StringComparer.Ordinal).Concat(extras).ToList();
            return new ReferencePack(string.Join(" + ", folders), paths);
        }

        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var own = Directory.EnumerateFiles(runtime, "*.dll").Where(IsManagedAssembly).OrderBy(p => p, StringComparer.Ordinal).Concat(extras).ToList();
        return new ReferencePack(runtime + " (runtime assemblies: no reference pack found)", own);
    }

    private static IEnumerable<(string Root, string Version)> Candidates(Assembly assembly)
    {
        var bakedRoot = Metadata(assembly, "NetCoreTargetingPackRoot");
        var bakedVersion = Metadata(assembly, "BundledNETCoreAppPackageVersion");
        if (!string.IsNullOrEmpty(bakedRoot) && !string.IsNullOrEmpty(bakedVersion))
        {
            yield return (bakedRoot, bakedVersion);
        }

        // The running runtime: <dotnet root>/shared/Microsoft.NETCore.App/<version>/ → <dotnet root>/packs.
        var runtimeDirectory = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var dotnetRoot = runtimeDirectory.Parent?.Parent?.Parent;
        if (dotnetRoot == null)
        {
            yield break;
        }

        var packs = Path.Combine(dotnetRoot.FullName, "packs");
        var refRoot = Path.Combine(packs, "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(refRoot))
        {
            yield break;
        }

        // Same version as the runtime first, then the newest installed.
        yield return (packs, runtimeDirectory.Name);
        foreach (var version in Directory.EnumerateDirectories(refRoot).Select(Path.GetFileName).OfType<string>()
                     .OrderByDescending(v => Version.TryParse(v.Split('-')[0], out var parsed) ? parsed : new Version(0, 0)))
        {
            yield return (packs, version);
        }
    }

    private static string? Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
        catch (FileLoadException)
        {
            return false;
        }
    }
}
