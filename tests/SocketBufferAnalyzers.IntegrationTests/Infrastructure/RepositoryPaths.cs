namespace SocketBufferAnalyzers.IntegrationTests.Infrastructure;

/// <summary>Where the repository is: the folder above the test assembly that holds Analyzers.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string PackageProject => Path.Combine(Root, "src", "Package", "SocketBufferAnalyzers.Package.csproj");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Analyzers.sln above {AppContext.BaseDirectory}: the tests must run from inside the repository.");
    }
}
