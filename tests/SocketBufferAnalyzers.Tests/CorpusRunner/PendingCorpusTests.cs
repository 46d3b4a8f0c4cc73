using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.CorpusRunner
{
    /// <summary>
    /// Keeps the snippets of <c>CorpusPending/</c> (cross-method patterns the analysis has yet to learn, issue 14) ready to
    /// move into <c>Corpus/</c>: well named, headed by the rule they exercise, expecting only known ids, and compiling once
    /// the markup is removed, so that a failure after the move is the analyzer's and not the snippet's. The analyzer is
    /// not run on them here.
    /// </summary>
    public class PendingCorpusTests
    {
        private static readonly Regex FileName = new Regex(@"^\d{2,}_[A-Za-z0-9]+\.cs$", RegexOptions.CultureInvariant);

        private static readonly Regex MarkupOpen = new Regex(@"\{\|(?<id>[A-Za-z]+\d+):", RegexOptions.CultureInvariant);

        public static string PendingDirectory => Path.Combine(AppContext.BaseDirectory, "CorpusPending");

        public static IEnumerable<object[]> Files() =>
            Directory.EnumerateFiles(PendingDirectory, "*.cs", SearchOption.TopDirectoryOnly)
                .Select(Path.GetFileName)
                .OrderBy(name => name, StringComparer.Ordinal)
                .Select(name => new object[] { name! });

        [Theory]
        [MemberData(nameof(Files))]
        public void SnippetIsReadyToMove(string file)
        {
            Assert.Matches(FileName, file);

            var source = File.ReadAllText(Path.Combine(PendingDirectory, file));
            var firstLine = source.Split('\n')[0].Trim();
            Assert.True(firstLine.StartsWith("// pattern: ", StringComparison.Ordinal), $"{file} must start with a '// pattern:' line");

            var known = new SocketBufferAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var unknown = MarkupOpen.Matches(source).Select(m => m.Groups["id"].Value).Where(id => !known.Contains(id)).Distinct().ToList();
            Assert.True(unknown.Count == 0, $"{file} expects unknown ids: {string.Join(", ", unknown)}");

            var plain = WithoutMarkup(source);
            var compilation = CSharpCompilation.Create(
                "Pending",
                new[] { CSharpSyntaxTree.ParseText(plain, path: file) },
                TestReferences.Net100,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{file} does not compile without its markup:\n" + string.Join("\n", errors));
        }

        [Fact]
        public void PendingNumbersDoNotCollideWithTheCorpus()
        {
            static IEnumerable<string> Numbers(string directory) =>
                Directory.EnumerateFiles(directory, "*.cs").Select(f => Path.GetFileName(f).Split('_')[0]);

            var taken = Numbers(CorpusTests.CorpusDirectory).ToHashSet(StringComparer.Ordinal);
            var clashes = Numbers(PendingDirectory).Where(taken.Contains).ToList();
            Assert.True(clashes.Count == 0, "Pending snippets reuse corpus numbers: " + string.Join(", ", clashes));
        }

        [Fact]
        public void MarkupIsRemovedExactly()
        {
            Assert.Equal("x = 8192 + y;", WithoutMarkup("x = {|SOCK001:8192|} + y;"));
            Assert.Equal("a = b = c * 1024;", WithoutMarkup("a = {|SOCK006:b = {|SOCK006:c * 1024|}|};"));
        }

        /// <summary>Drops <c>{|ID:</c> and its closing <c>|}</c>, keeping the marked text.</summary>
        private static string WithoutMarkup(string source) => MarkupOpen.Replace(source, string.Empty).Replace("|}", string.Empty);
    }
}
