using SocketBufferAnalyzers.Charts;

namespace SocketBufferAnalyzers.Tests.Charts
{
    /// <summary>The charts committed under docs/images are what the window model draws today, and the docs show them.</summary>
    public class CommittedChartsTests
    {
        private static readonly string RepositoryRoot = FindRepositoryRoot();

        public static TheoryData<string> Charts()
        {
            var data = new TheoryData<string>();
            foreach (var chart in CommittedCharts.All)
            {
                data.Add(chart.RelativePath);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Charts))]
        public void CommittedChartMatchesTheModel(string relativePath)
        {
            var chart = CommittedCharts.All.Single(c => c.RelativePath == relativePath);
            var path = Path.Combine(RepositoryRoot, relativePath);
            var regenerate = $"regenerate it from the repository root with `{CommittedCharts.RegenerateCommand}` and commit the result.";

            Assert.True(File.Exists(path), $"{relativePath} is missing: {regenerate}");
            var committed = File.ReadAllText(path).Replace("\r\n", "\n");
            var current = chart.Render();
            if (committed != current)
            {
                var line = FirstDifferentLine(committed, current);
                Assert.Fail($"{relativePath} no longer matches the window model (first difference at line {line}): {regenerate}");
            }
        }

        [Fact]
        public void EveryCommittedChartIsGenerated()
        {
            var generated = CommittedCharts.All.Select(c => Path.GetFileName(c.RelativePath)).ToHashSet();
            var committed = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "images"), "throughput-*.svg").Select(Path.GetFileName);

            Assert.All(committed, name => Assert.True(generated.Contains(name!), $"docs/images/{name} is not drawn by {CommittedCharts.RegenerateCommand}: delete it or add it to CommittedCharts."));
        }

        [Theory]
        [InlineData("README.md", "docs/images/throughput-receive-linux-6.1.svg")]
        [InlineData("docs/rules/SOCK001.md", "../images/throughput-receive-linux-6.1.svg")]
        [InlineData("docs/rules/SOCK002.md", "../images/throughput-send-linux-6.1.svg")]
        [InlineData("docs/rules/SOCK004.md", "../images/throughput-receive-after-connect-linux-6.1.svg")]
        [InlineData("docs/rules/SOCK007.md", "../images/throughput-receive-linux-6.1.svg")]
        public void PagesShowTheCharts(string page, string image)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot, page));

            Assert.Contains("](" + image + ")", text);
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.Combine(RepositoryRoot, page))!, image));
            Assert.True(File.Exists(target), $"{page} links {image}, which does not exist.");
        }

        private static int FirstDifferentLine(string a, string b)
        {
            var left = a.Split('\n');
            var right = b.Split('\n');
            var line = 0;
            while (line < left.Length && line < right.Length && left[line] == right[line])
            {
                line++;
            }

            return line + 1;
        }

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Analyzers.sln above {AppContext.BaseDirectory}.");
        }
    }
}
