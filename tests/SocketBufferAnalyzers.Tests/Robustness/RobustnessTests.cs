using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Robustness
{
    /// <summary>
    /// ROBUSTNESS SUITE. The analyzer and every code fix must never throw, hang or report AD0001, whatever the input:
    /// half-typed code (every prefix at token boundaries, sampled), random token deletions (fixed seeds), huge and
    /// overflowing constants, dynamic/pattern/reflection calls, top-level statements, partial classes across files,
    /// records, local functions, lambdas, hostile .editorconfig values and concurrent analysis of many documents.
    /// Inputs come from tests/SocketBufferAnalyzers.Tests/Corpus/*.cs (markup removed) and <see cref="Snippets"/>.
    /// Filter: <c>dotnet test --filter Category=Robustness</c>.
    /// </summary>
    [Trait("Category", "Robustness")]
    public class RobustnessTests
    {
        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public RobustnessTests(Xunit.Abstractions.ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Prefixes and deletions over all snippets together (spread evenly), so the suite stays near a minute on 2 cores.</summary>
        private const int PrefixBudget = 600;
        private const int DeletionBudget = 300;
        private const int MinimumPerSnippet = 5;

        public static IEnumerable<object[]> SnippetNames() => RobustnessHarness.AllSnippets().Select(s => new object[] { s.Name });

        [Fact]
        public void OwnSnippetsCompile()
        {
            // The suite's own snippets compile, so that "the fixed code compiles" is checked on them.
            foreach (var (name, source, topLevel) in Snippets.All)
            {
                var errors = Compile(new[] { (name + ".cs", source) }, topLevel).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, name + ": " + string.Join(Environment.NewLine, errors));
            }

            var partial = Compile(Snippets.PartialAcrossFiles.Select(p => (p.Name, p.Source)).ToArray(), topLevel: false);
            Assert.Empty(partial.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Theory]
        [MemberData(nameof(SnippetNames))]
        public async Task WholeSnippetAnalyzesAndEveryFixApplies(string name)
        {
            var snippet = RobustnessHarness.Find(name);
            var result = await RobustnessHarness.RunAsync(new[] { (FileName(name), snippet.Source) }, snippet.TopLevel, mustCompileAfterFix: true, config: snippet.Config);
            var log = new FailureLog();
            log.Add(result);
            WriteNotes(log);
            log.AssertNone();
        }

        [Fact]
        public async Task TheFixesAreExercised()
        {
            // Guards the suite itself: if no snippet produced a fixable diagnostic, the fix half would test nothing.
            var log = new FailureLog();
            foreach (var (name, source, topLevel) in Snippets.All)
            {
                log.Add(await RobustnessHarness.RunAsync(new[] { (name + ".cs", source) }, topLevel, mustCompileAfterFix: true));
            }

            log.AssertNone();
            Assert.True(log.Diagnostics > 0, "the snippets produced no diagnostic");
            Assert.True(log.Fixes > 0, "no code fix was applied to any snippet");
        }

        [Theory]
        [MemberData(nameof(SnippetNames))]
        public async Task EveryPrefixAtTokenBoundaries(string name)
        {
            var (_, source, topLevel, config) = RobustnessHarness.Find(name);
            var ends = Tokens(source).Select(t => t.Span.End).Distinct().ToList();
            var wanted = Math.Max(MinimumPerSnippet, PrefixBudget / RobustnessHarness.AllSnippets().Count);
            var stride = Math.Max(1, (int)Math.Ceiling(ends.Count / (double)wanted));

            // Sampled with a stride, plus the last few tokens (nearly complete code) always.
            var cuts = ends.Where((_, i) => i % stride == 0).Concat(ends.Skip(Math.Max(0, ends.Count - 3))).Distinct().ToList();
            var inputs = cuts.Select(end => source.Substring(0, end)).ToList();
            await RunAllAsync(name, inputs, topLevel, config);
        }

        [Theory]
        [MemberData(nameof(SnippetNames))]
        public async Task RandomTokenDeletions(string name)
        {
            var (_, source, topLevel, config) = RobustnessHarness.Find(name);
            var tokens = Tokens(source).ToList();
            var random = new Random(20261124 ^ StableHash(name));
            var count = Math.Max(MinimumPerSnippet, DeletionBudget / RobustnessHarness.AllSnippets().Count);
            var inputs = new List<string>();
            for (var i = 0; i < count && tokens.Count > 1; i++)
            {
                var deletions = tokens.Select((_, index) => index).OrderBy(_ => random.Next()).Take(1 + random.Next(3)).OrderByDescending(index => index);
                var text = source;
                foreach (var index in deletions)
                {
                    text = text.Remove(tokens[index].SpanStart, tokens[index].Span.Length);
                }

                inputs.Add(text);
            }

            await RunAllAsync(name, inputs, topLevel, config);
        }

        [Fact]
        public async Task PartialClassAcrossFiles()
        {
            var result = await RobustnessHarness.RunAsync(Snippets.PartialAcrossFiles, mustCompileAfterFix: true);
            var log = new FailureLog();
            log.Add(result);
            log.AssertNone();
        }

        [Fact]
        public async Task HostileConfigurationValues()
        {
            // Values a user may write into .editorconfig: each must fall back (SOCK900), never throw.
            var values = new[]
            {
                string.Empty, "abc", "-1", "0", "1e400", "NaN", "99999999999999999999999", "-9223372036854775808", "0x7fffffff",
                "1.5.5", "6.", "99.99", "-50ms", "1e9s", "-1Gbit", "1 -2 3", "3 2 1", "4096 131072 6291456 1", "MacOS", "\t6.1\t",
                new string('9', 5000),
            };
            var keys = new[]
            {
                "socket_buffer.target_os", "socket_buffer.linux_kernel", "socket_buffer.rmem_max", "socket_buffer.wmem_max",
                "socket_buffer.maxsockbuf", "socket_buffer.tcp_rmem", "socket_buffer.tcp_wmem", "socket_buffer.link_rtt",
                "socket_buffer.link_bandwidth",
            };
            var source = Snippets.All.Single(s => s.Name == "TcpClientInitializers").Source;
            var inputs = new List<(string Name, string Source, AnalyzerConfigOptionsProvider Config)>();
            foreach (var key in keys)
            {
                foreach (var value in values)
                {
                    inputs.Add(($"{key} = {value}", source, new EditorConfigOptions(new Dictionary<string, string> { [key] = value })));
                }
            }

            // Everything at once, with every OS.
            foreach (var os in new[] { "linux", "macos", "windows" })
            {
                inputs.Add(($"all keys, {os}", source, new EditorConfigOptions(keys.ToDictionary(k => k, k => k.EndsWith("target_os", StringComparison.Ordinal) ? os : "-1"))));
            }

            var log = new FailureLog();
            await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (input, _) =>
            {
                var result = await RobustnessHarness.RunAsync(new[] { ("Config.cs", input.Source) }, config: input.Config);
                lock (log)
                {
                    log.Add(result);
                }
            });
            log.AssertNone();
        }

        [Fact]
        public async Task ConcurrentAnalysisOfManyDocumentsIsDeterministic()
        {
            // Many documents in one compilation, analysed concurrently, several analyses at once on one analyzer instance:
            // no exception, and the same diagnostics as one sequential analysis.
            var snippets = RobustnessHarness.AllSnippets().Where(s => !s.TopLevel).ToList();
            var documents = Enumerable.Range(0, 120)
                .Select(i => ($"Doc{i}.cs", InNamespace(snippets[i % snippets.Count].Source, "Copy" + i)))
                .ToArray();
            var compilation = Compile(documents, topLevel: false);
            var shared = new SocketBufferAnalyzer();
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(shared);

            var sequentialResult = new RobustnessResult("sequential");
            var sequential = await RobustnessHarness.AnalyzeAsync(compilation, analyzers, "sequential", null, false, sequentialResult, CancellationToken.None);
            var results = Enumerable.Range(0, 4).Select(_ => new RobustnessResult("concurrent")).ToArray();
            var concurrent = await Task.WhenAll(results.Select(r => Task.Run(() =>
                RobustnessHarness.AnalyzeAsync(compilation, analyzers, "concurrent", null, true, r, CancellationToken.None))));

            var log = new FailureLog();
            log.Add(sequentialResult);
            foreach (var result in results)
            {
                log.Add(result);
            }

            log.AssertNone();
            Assert.NotEmpty(sequential);
            foreach (var run in concurrent)
            {
                Assert.Equal(Keys(sequential), Keys(run));
            }
        }

        [Fact]
        public async Task TheHarnessFailsWhenAnAnalyzerThrows()
        {
            // The suite can fail: an analyzer that throws on every invocation is caught, through the exception callback
            // or as AD0001. (To see a red test, run any test above with ThrowingAnalyzer in place of the package's.)
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBufferAnalyzer(), new ThrowingAnalyzer());
            var result = await RobustnessHarness.RunAsync(new[] { ("Throw.cs", Snippets.All[0].Source) }, analyzers: analyzers);
            Assert.Contains(result.Failures, f => f.Detail.Contains(ThrowingAnalyzer.Message, StringComparison.Ordinal));

            var log = new FailureLog();
            log.Add(result);
            var failure = Assert.ThrowsAny<Exception>(log.AssertNone);
            Assert.Contains(ThrowingAnalyzer.Message, failure.Message, StringComparison.Ordinal);
        }

        private void WriteNotes(FailureLog log)
        {
            foreach (var note in log.Notes)
            {
                _output.WriteLine(note);
            }
        }

        private static async Task RunAllAsync(string name, IReadOnlyList<string> inputs, bool topLevel, AnalyzerConfigOptionsProvider? config)
        {
            var log = new FailureLog();
            await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (input, _) =>
            {
                var result = await RobustnessHarness.RunAsync(new[] { (FileName(name), input) }, topLevel, config: config);
                lock (log)
                {
                    log.Add(result);
                }
            });
            log.AssertNone();
            Assert.Equal(inputs.Count, log.Inputs);
        }

        private static IEnumerable<SyntaxToken> Tokens(string source) =>
            CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0);

        private static string FileName(string name) => Path.ChangeExtension(name.Replace('/', '_'), ".cs");

        private static int StableHash(string text)
        {
            unchecked
            {
                var hash = (int)2166136261;
                foreach (var c in text)
                {
                    hash = (hash ^ c) * 16777619;
                }

                return hash;
            }
        }

        private static string InNamespace(string source, string name)
        {
            var root = CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot();
            if (root.Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax))
            {
                return System.Text.RegularExpressions.Regex.Replace(source, @"(?m)^(\s*namespace\s+[\w.]+)", "$1." + name);
            }

            var at = root.Usings.Count > 0 ? root.Usings.Last().FullSpan.End : 0;
            return source.Insert(at, $"namespace {name};{Environment.NewLine}");
        }

        private static List<string> Keys(ImmutableArray<Diagnostic> diagnostics) => diagnostics
            .Select(d => $"{d.Location.SourceTree?.FilePath}:{d.Location.SourceSpan}:{d.Id}:{d.GetMessage()}")
            .OrderBy(k => k, StringComparer.Ordinal)
            .ToList();

        private static CSharpCompilation Compile(IReadOnlyList<(string Name, string Source)> documents, bool topLevel) => CSharpCompilation.Create(
            "Robustness",
            documents.Select(d => CSharpSyntaxTree.ParseText(d.Source, new CSharpParseOptions(LanguageVersion.Latest), "/src/" + d.Name)),
            TestReferences.Net100,
            new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        // A test double, never shipped: no release tracking, and a net10.0 test assembly may hold it.
#pragma warning disable RS1036, RS2008
        /// <summary>Throws on every assignment: the harness must report it.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            public const string Message = "ThrowingAnalyzer: injected failure";

            private static readonly DiagnosticDescriptor Rule = new("THROW01", "Throws", "Throws", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(_ => throw new InvalidOperationException(Message), OperationKind.SimpleAssignment);
            }
        }
#pragma warning restore RS1036, RS2008
    }
}
