using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.CorpusRunner
{
    /// <summary>
    /// Runs the analyzer on every snippet of <c>Corpus/</c> (copied to the output directory, not compiled by this project).
    /// A snippet is a complete C# file whose expected diagnostics are marked in place (<c>{|SOCK001:8192|}</c>);
    /// any missing or extra diagnostic fails its row. Leading comment lines may describe the deployment and expect
    /// diagnostics that have no source location:
    /// <code>
    /// // editorconfig: socket_buffer.target_os = macos; socket_buffer.maxsockbuf = 8388608
    /// // expect: SOCK900
    /// </code>
    /// </summary>
    public class CorpusTests
    {
        private const int MinimumFileCount = 30;

        private static readonly Regex FileName = new Regex(@"^\d{2,}_[A-Za-z0-9]+\.cs$", RegexOptions.CultureInvariant);

        private static readonly Regex MarkupId = new Regex(@"\{\|(?<id>[A-Za-z]+\d+):", RegexOptions.CultureInvariant);

        public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

        public static IEnumerable<object[]> Files() =>
            Directory.EnumerateFiles(CorpusDirectory, "*.cs", SearchOption.TopDirectoryOnly)
                .Select(Path.GetFileName)
                .OrderBy(name => name, StringComparer.Ordinal)
                .Select(name => new object[] { name! });

        [Theory]
        [MemberData(nameof(Files))]
        public async Task Snippet(string file)
        {
            var source = File.ReadAllText(Path.Combine(CorpusDirectory, file));
            var header = Header.Parse(source);
            await AnalyzerVerifier.VerifyAsync(new[] { source }, header.EditorConfig, header.Expected.ToArray());
        }

        [Fact]
        public void CorpusIsLargeEnoughAndCoversEveryRule()
        {
            var files = Directory.EnumerateFiles(CorpusDirectory, "*.cs", SearchOption.TopDirectoryOnly).ToList();
            Assert.True(files.Count >= MinimumFileCount, $"The corpus holds {files.Count} files; at least {MinimumFileCount} are required.");

            var badNames = files.Select(Path.GetFileName).Where(name => !FileName.IsMatch(name!)).ToList();
            Assert.True(badNames.Count == 0, "Corpus files must be named NN_ShortName.cs: " + string.Join(", ", badNames));

            var known = new SocketBufferAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                var ids = MarkupId.Matches(text).Select(m => m.Groups["id"].Value)
                    .Concat(Header.Parse(text).Expected.Select(d => d.Id))
                    .ToList();
                var unknown = ids.Where(id => !known.Contains(id)).Distinct().ToList();
                Assert.True(unknown.Count == 0, $"{Path.GetFileName(file)} expects unknown ids: {string.Join(", ", unknown)}");
                seen.UnionWith(ids);
            }

            var required = Enumerable.Range(1, 7).Select(n => $"SOCK{n:000}");
            var missing = required.Where(id => !seen.Contains(id)).ToList();
            Assert.True(missing.Count == 0, "No corpus file expects " + string.Join(", ", missing));
        }

        [Fact]
        public void HeaderIsParsed()
        {
            var header = Header.Parse(
                "// editorconfig: socket_buffer.target_os = macos; socket_buffer.maxsockbuf = 8388608\n" +
                "// expect: SOCK900\n" +
                "using System;\n" +
                "// editorconfig: socket_buffer.linux_kernel = 6.16\n");
            Assert.Equal("socket_buffer.target_os = macos\nsocket_buffer.maxsockbuf = 8388608\n", header.EditorConfig);
            Assert.Equal(new[] { "SOCK900" }, header.Expected.Select(d => d.Id));
            Assert.Null(Header.Parse("using System;\n").EditorConfig);
        }

        /// <summary>The leading <c>//</c> comment lines of a snippet: options and location-less expectations.</summary>
        private sealed class Header
        {
            private Header(string? editorConfig, IReadOnlyList<DiagnosticResult> expected)
            {
                EditorConfig = editorConfig;
                Expected = expected;
            }

            /// <summary>The <c>socket_buffer.*</c> lines for the snippet's <c>.editorconfig</c>, or null.</summary>
            public string? EditorConfig { get; }

            /// <summary>Diagnostics without a source location (SOCK900), with the descriptor's default severity.</summary>
            public IReadOnlyList<DiagnosticResult> Expected { get; }

            public static Header Parse(string source)
            {
                var config = new StringBuilder();
                var expected = new List<DiagnosticResult>();
                using var reader = new StringReader(source);
                for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
                {
                    var trimmed = line.Trim();
                    if (trimmed.Length == 0)
                    {
                        continue;
                    }

                    if (!trimmed.StartsWith("//", StringComparison.Ordinal))
                    {
                        break;
                    }

                    var comment = trimmed.Substring(2).Trim();
                    if (TryValue(comment, "editorconfig:", out var pairs))
                    {
                        foreach (var pair in pairs.Split(';').Select(p => p.Trim()).Where(p => p.Length > 0))
                        {
                            config.Append(pair).Append('\n');
                        }
                    }
                    else if (TryValue(comment, "expect:", out var ids))
                    {
                        foreach (var id in ids.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
                        {
                            expected.Add(new DiagnosticResult(id, SeverityOf(id)));
                        }
                    }
                }

                return new Header(config.Length == 0 ? null : config.ToString(), expected);
            }

            private static bool TryValue(string comment, string key, out string value)
            {
                if (comment.StartsWith(key, StringComparison.OrdinalIgnoreCase))
                {
                    value = comment.Substring(key.Length).Trim();
                    return true;
                }

                value = string.Empty;
                return false;
            }

            private static DiagnosticSeverity SeverityOf(string id) =>
                new SocketBufferAnalyzer().SupportedDiagnostics.FirstOrDefault(d => d.Id == id)?.DefaultSeverity ?? DiagnosticSeverity.Warning;
        }
    }
}
