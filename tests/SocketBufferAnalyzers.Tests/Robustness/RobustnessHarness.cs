using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SocketBufferAnalyzers.CodeFixes;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Runs the analyzer (CompilationWithAnalyzers, exceptions captured, AD0001 checked) and every code fix provider of the
    /// SocketBufferAnalyzers.CodeFixes assembly (each action applied, and each FixAllProvider in every scope it supports)
    /// over one input, collecting every exception instead of stopping at the first. Projects are derived from one shared
    /// solution per output kind, so the .NET reference assemblies are bound once, not once per input.
    /// </summary>
    internal static class RobustnessHarness
    {
        /// <summary>A single input that takes longer than this counts as a hang.</summary>
        private static readonly TimeSpan PerInputTimeout = TimeSpan.FromSeconds(30);

        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        private static readonly Lazy<(Solution Solution, ProjectId Project)> Library = new(() => CreateBase(OutputKind.DynamicallyLinkedLibrary));

        private static readonly Lazy<(Solution Solution, ProjectId Project)> Console = new(() => CreateBase(OutputKind.ConsoleApplication));

        /// <summary>Every code fix provider in the SocketBufferAnalyzers.CodeFixes assembly.</summary>
        public static ImmutableArray<CodeFixProvider> FixProviders { get; } = typeof(RemoveBufferSettingCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>The analyzers under test: the package's one analyzer.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> PackageAnalyzers() => ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBufferAnalyzer());

        /// <summary>Removes the test markup of the corpus: <c>{|SOCK001:8192|}</c> becomes <c>8192</c>; also <c>[|x|]</c> and <c>{|#0:x|}</c>.</summary>
        public static string StripMarkup(string source) =>
            Regex.Replace(source, @"\{\|[^:|{}]*:|\|\}|\[\||\|\]", string.Empty);

        /// <summary>
        /// Analyzes and fixes one input. Returns what went wrong (empty when nothing did). With <paramref name="mustCompileAfterFix"/>
        /// (inputs that compile), every fixed solution must compile too (spec: "Fixed code must compile").
        /// </summary>
        public static async Task<RobustnessResult> RunAsync(
            IReadOnlyList<(string Name, string Source)> documents,
            bool topLevel = false,
            bool mustCompileAfterFix = false,
            AnalyzerConfigOptionsProvider? config = null,
            bool concurrentAnalysis = false,
            ImmutableArray<DiagnosticAnalyzer> analyzers = default)
        {
            analyzers = analyzers.IsDefault ? PackageAnalyzers() : analyzers;
            var result = new RobustnessResult(Describe(documents));
            using var timeout = new CancellationTokenSource(PerInputTimeout);
            try
            {
                await RunCoreAsync(documents, topLevel, mustCompileAfterFix, config, concurrentAnalysis, analyzers, result, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                result.Fail("hang", $"no result within {PerInputTimeout.TotalSeconds} s");
            }
            catch (Exception exception)
            {
                result.Fail("harness", exception.ToString());
            }

            return result;
        }

        private static async Task RunCoreAsync(
            IReadOnlyList<(string Name, string Source)> documents,
            bool topLevel,
            bool mustCompileAfterFix,
            AnalyzerConfigOptionsProvider? config,
            bool concurrentAnalysis,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            RobustnessResult result,
            CancellationToken cancellationToken)
        {
            var (solution, projectId) = topLevel ? Console.Value : Library.Value;
            foreach (var (name, source) in documents)
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId, name), name, SourceText.From(source), filePath: "/src/" + name);
            }

            var project = solution.GetProject(projectId)!;
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var diagnostics = await AnalyzeAsync(compilation, analyzers, "analyzer", config, concurrentAnalysis, result, cancellationToken).ConfigureAwait(false);
            result.Diagnostics = diagnostics;
            if (mustCompileAfterFix)
            {
                result.InputCompiles = !compilation.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error);
            }

            foreach (var provider in FixProviders)
            {
                var fixable = diagnostics.Where(d => d.Location.IsInSource && provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
                var equivalenceKeys = new HashSet<string?>();
                Document? firstDocument = null;
                foreach (var diagnostic in fixable)
                {
                    var document = solution.GetDocument(diagnostic.Location.SourceTree);
                    if (document == null)
                    {
                        result.Fail("fix " + provider.GetType().Name, $"no document for the tree of {diagnostic}");
                        continue;
                    }

                    firstDocument ??= document;
                    var stage = $"fix {provider.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition}";
                    var actions = new List<CodeAction>();
                    try
                    {
                        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
                        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        result.Fail(stage + ": RegisterCodeFixesAsync", exception.ToString());
                        continue;
                    }

                    foreach (var action in actions)
                    {
                        equivalenceKeys.Add(action.EquivalenceKey);
                        await ApplyAsync(action, solution, stage + $": '{action.Title}'", mustCompileAfterFix && result.InputCompiles, diagnostic, analyzers, config, result, cancellationToken).ConfigureAwait(false);
                    }

                    result.FixesApplied += actions.Count;
                }

                var fixAll = provider.GetFixAllProvider();
                if (fixAll == null || firstDocument == null)
                {
                    continue;
                }

                var ids = fixable.Select(d => d.Id).Distinct().ToImmutableArray();
                var diagnosticProvider = new FixedDiagnosticProvider(diagnostics);
                foreach (var scope in fixAll.GetSupportedFixAllScopes().Where(s => s is FixAllScope.Document or FixAllScope.Project or FixAllScope.Solution))
                {
                    foreach (var key in equivalenceKeys)
                    {
                        var stage = $"fix all {provider.GetType().Name} ({scope}, {key ?? "no key"})";
                        CodeAction? action;
                        try
                        {
                            var context = new FixAllContext(firstDocument, provider, scope, key, ids, diagnosticProvider, cancellationToken);
                            action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                        {
                            result.Fail(stage + ": GetFixAsync", exception.ToString());
                            continue;
                        }

                        if (action != null)
                        {
                            await ApplyAsync(action, solution, stage, mustCompileAfterFix && result.InputCompiles, null, analyzers, config, result, cancellationToken).ConfigureAwait(false);
                            result.FixAllApplied++;
                        }
                    }
                }
            }
        }

        /// <summary>Runs analyzers on a compilation; exceptions and AD0001 become failures of <paramref name="result"/>.</summary>
        public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
            Compilation compilation,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            string stage,
            AnalyzerConfigOptionsProvider? config,
            bool concurrentAnalysis,
            RobustnessResult result,
            CancellationToken cancellationToken)
        {
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                config == null ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty) : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, config),
                (exception, analyzer, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(exception);
                    }
                },
                concurrentAnalysis,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var exception in exceptions)
            {
                result.Fail(stage + ": analyzer exception", exception.ToString());
            }

            foreach (var ad0001 in diagnostics.Where(d => d.Id == "AD0001"))
            {
                result.Fail(stage + ": AD0001", ad0001.ToString());
            }

            return diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray();
        }

        private static async Task ApplyAsync(
            CodeAction action,
            Solution solution,
            string stage,
            bool mustCompile,
            Diagnostic? fixedDiagnostic,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            AnalyzerConfigOptionsProvider? config,
            RobustnessResult result,
            CancellationToken cancellationToken)
        {
            try
            {
                var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
                foreach (var operation in operations.OfType<ApplyChangesOperation>())
                {
                    var changed = operation.ChangedSolution;
                    foreach (var projectChanges in changed.GetChanges(solution).GetProjectChanges())
                    {
                        foreach (var documentId in projectChanges.GetChangedDocuments())
                        {
                            var document = changed.GetDocument(documentId)!;
                            _ = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                            _ = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                        }
                    }

                    if (!mustCompile)
                    {
                        continue;
                    }

                    // The input compiled: the fixed code must compile, and the analyzer must still run cleanly on it.
                    var compilation = (await changed.Projects.Single().GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
                    var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                    if (errors.Count > 0)
                    {
                        result.Fail(stage + ": fixed code does not compile", string.Join(Environment.NewLine, errors.Take(3)) + Environment.NewLine + await ChangedTextAsync(changed, solution, cancellationToken).ConfigureAwait(false));
                    }

                    var after = await AnalyzeAsync(compilation, analyzers, stage + ": analysis of the fixed code", config, false, result, cancellationToken).ConfigureAwait(false);
                    if (fixedDiagnostic != null
                        && after.Count(d => d.Id == fixedDiagnostic.Id) >= result.Diagnostics.Count(d => d.Id == fixedDiagnostic.Id))
                    {
                        // Not a robustness failure (a fix may rightly leave the rule firing, e.g. a size on macOS), but worth reading.
                        result.Note(stage + ": the diagnostic is still there after the fix: "
                            + string.Join(Environment.NewLine, after.Where(d => d.Id == fixedDiagnostic.Id)) + Environment.NewLine
                            + await ChangedTextAsync(changed, solution, cancellationToken).ConfigureAwait(false));
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result.Fail(stage + ": applying", exception.ToString());
            }
        }

        private static async Task<string> ChangedTextAsync(Solution changed, Solution original, CancellationToken cancellationToken)
        {
            var text = new StringBuilder();
            foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
            {
                foreach (var documentId in projectChanges.GetChangedDocuments())
                {
                    text.AppendLine((await changed.GetDocument(documentId)!.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString());
                }
            }

            return text.ToString();
        }

        private static (Solution, ProjectId) CreateBase(OutputKind kind)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var info = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Robustness" + kind,
                "Robustness" + kind,
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true),
                parseOptions: ParseOptions,
                metadataReferences: TestReferences.Net100);
            var solution = workspace.CurrentSolution.AddProject(info);

            // Bind the reference assemblies once: every input's compilation is derived from this one.
            _ = solution.GetProject(projectId)!.GetCompilationAsync().GetAwaiter().GetResult()!.GetDiagnostics();
            return (solution, projectId);
        }

        private static string Describe(IReadOnlyList<(string Name, string Source)> documents) =>
            string.Join(Environment.NewLine, documents.Select(d => $"--- {d.Name}{Environment.NewLine}{d.Source}"));

        /// <summary>The corpus folder of the test project, found from this source file (the tests run from a build of the same checkout).</summary>
        public static string CorpusFolder([CallerFilePath] string thisFile = "") =>
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Corpus"));

        /// <summary>Corpus snippets (markup removed, with the .editorconfig lines of their header) and the suite's own snippets, by name.</summary>
        public static IReadOnlyList<Snippet> AllSnippets() => CachedSnippets.Value;

        public static Snippet Find(string name) => AllSnippets().Single(s => s.Name == name);

        private static readonly Lazy<IReadOnlyList<Snippet>> CachedSnippets = new(() =>
        {
            var snippets = new List<Snippet>();
            var folder = CorpusFolder();
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    var source = StripMarkup(File.ReadAllText(file));
                    snippets.Add(new Snippet("Corpus/" + Path.GetRelativePath(folder, file).Replace('\\', '/'), source, HasTopLevelStatements(source), EditorConfig(source)));
                }
            }

            snippets.AddRange(Snippets.All.Select(s => new Snippet("Snippets/" + s.Name, s.Source, s.TopLevel, null)));
            return snippets;
        });

        /// <summary>The corpus header's <c>// editorconfig: key = value; key = value</c> lines, or null.</summary>
        private static AnalyzerConfigOptionsProvider? EditorConfig(string source)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match line in Regex.Matches(source, @"^//\s*editorconfig:(?<pairs>.*)$", RegexOptions.Multiline))
            {
                foreach (var pair in line.Groups["pairs"].Value.Split(';'))
                {
                    var equals = pair.IndexOf('=');
                    if (equals > 0)
                    {
                        values[pair.Substring(0, equals).Trim()] = pair.Substring(equals + 1).Trim();
                    }
                }
            }

            return values.Count == 0 ? null : new EditorConfigOptions(values);
        }

        public static bool HasTopLevelStatements(string source) =>
            CSharpSyntaxTree.ParseText(source, ParseOptions).GetCompilationUnitRoot().Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax);

        /// <summary>Diagnostics handed to a FixAllProvider: the ones the analyzer reported on the input.</summary>
        private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics)
            {
                _diagnostics = diagnostics;
            }

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                return _diagnostics.Where(d => d.Location.SourceTree == tree);
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(_diagnostics.Where(d => !d.Location.IsInSource));

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }

    /// <summary>One input of the suite: a corpus file or one of <see cref="Snippets"/>.</summary>
    internal sealed record Snippet(string Name, string Source, bool TopLevel, AnalyzerConfigOptionsProvider? Config);

    /// <summary>.editorconfig keys, the same for every syntax tree.</summary>
    internal sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public EditorConfigOptions(Dictionary<string, string> values)
        {
            _options = new Options(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => _values.Keys;
        }
    }

    /// <summary>What one input did: its diagnostics, the fixes applied, and every failure with its stage.</summary>
    internal sealed class RobustnessResult
    {
        public RobustnessResult(string input)
        {
            Input = input;
        }

        public string Input { get; }

        public ImmutableArray<Diagnostic> Diagnostics { get; set; } = ImmutableArray<Diagnostic>.Empty;

        public bool InputCompiles { get; set; }

        public int FixesApplied { get; set; }

        public int FixAllApplied { get; set; }

        public List<(string Stage, string Detail)> Failures { get; } = new();

        /// <summary>Things that are not failures but that a reader of the test output should see.</summary>
        public List<string> Notes { get; } = new();

        public void Note(string note)
        {
            lock (Notes)
            {
                Notes.Add(note);
            }
        }

        public void Fail(string stage, string detail)
        {
            lock (Failures)
            {
                Failures.Add((stage, detail));
            }
        }
    }

    /// <summary>Collects failures over many inputs and reports the smallest failing input of each kind.</summary>
    internal sealed class FailureLog
    {
        private readonly List<RobustnessResult> _failed = new();

        public int Inputs { get; private set; }

        public int Diagnostics { get; private set; }

        public int Fixes { get; private set; }

        public List<string> Notes { get; } = new();

        public void Add(RobustnessResult result)
        {
            Inputs++;
            Notes.AddRange(result.Notes);
            Diagnostics += result.Diagnostics.Length;
            Fixes += result.FixesApplied + result.FixAllApplied;
            if (result.Failures.Count > 0)
            {
                _failed.Add(result);
            }
        }

        /// <summary>Fails the test with the smallest failing input per failure stage (stack traces included).</summary>
        public void AssertNone()
        {
            if (_failed.Count == 0)
            {
                return;
            }

            var report = new StringBuilder();
            report.AppendLine($"{_failed.Count} of {Inputs} inputs failed.");
            var byStage = _failed
                .SelectMany(r => r.Failures.Select(f => (Stage: Regex.Replace(f.Stage, @" at \(\d+,\d+\)|'[^']*'", string.Empty), f.Detail, r.Input)))
                .GroupBy(f => f.Stage + "|" + FirstLine(f.Detail));
            foreach (var group in byStage.Take(8))
            {
                var smallest = group.OrderBy(f => f.Input.Length).First();
                report.AppendLine();
                report.AppendLine($"== {smallest.Stage} ({group.Count()} times); smallest input:");
                report.AppendLine(smallest.Input);
                report.AppendLine("-- detail:");
                report.AppendLine(Truncate(smallest.Detail, 3000));
            }

            Assert.Fail(report.ToString());
        }

        private static string FirstLine(string text)
        {
            var end = text.IndexOf('\n');
            return end < 0 ? text : text.Substring(0, end).TrimEnd('\r');
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + " ...";
    }
}
