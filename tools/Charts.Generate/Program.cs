using System;
using System.IO;
using System.Linq;
using SocketBufferAnalyzers.Charts;

// Writes every chart of CommittedCharts under the repository root (the folder holding Analyzers.sln above the current
// directory, or the one given as an argument). "--check" writes nothing and exits 1 when a chart differs.
var check = args.Contains("--check");
var rootArgument = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var root = rootArgument ?? FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);
if (root == null || !File.Exists(Path.Combine(root, "Analyzers.sln")))
{
    Console.Error.WriteLine("No Analyzers.sln found: run from the repository or pass its root folder.");
    return 2;
}

var stale = 0;
foreach (var chart in CommittedCharts.All)
{
    var path = Path.Combine(root, chart.RelativePath.Replace('/', Path.DirectorySeparatorChar));
    var text = chart.Render();
    var current = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : null;
    if (current == text)
    {
        Console.WriteLine("unchanged  " + chart.RelativePath);
        continue;
    }

    stale++;
    if (check)
    {
        Console.WriteLine("differs    " + chart.RelativePath);
        continue;
    }

    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, text);
    Console.WriteLine("written    " + chart.RelativePath);
}

return check && stale > 0 ? 1 : 0;

static string? FindRoot(string start)
{
    for (var directory = new DirectoryInfo(start); directory != null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
        {
            return directory.FullName;
        }
    }

    return null;
}
