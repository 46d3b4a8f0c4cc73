using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SocketBufferAnalyzers.CodeFixes;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.CodeFixes
{
    /// <summary>
    /// Fix All of every fix in document, project and solution scope, asked for the way <c>dotnet format analyzers</c>
    /// asks: a FixAllContext in the scope, with the diagnostic id being fixed, the diagnostics of the whole solution, and
    /// as equivalence key the key of the first action the fix registered for the first diagnostic in the list. Here that
    /// first diagnostic is one the fix is not offered for, so the key is null: before the fixes shared one Fix All, "Size
    /// it for the link", "Ship no fixed default" and "Apply it only when configured" (batch fixer) returned no action
    /// for it, which dotnet format reports as "didn't return a Fix All action". The fix's own key is asked for as well.
    /// </summary>
    public class FixAllScopeTests
    {
        public static TheoryData<string, FixAllScope, bool> Cases()
        {
            var data = new TheoryData<string, FixAllScope, bool>();
            foreach (var fix in Fixes.Keys)
            {
                foreach (var scope in new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution })
                {
                    data.Add(fix, scope, true);
                    data.Add(fix, scope, false);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task FixAllInEveryScope(string fixName, FixAllScope scope, bool keyOfTheFirstDiagnostic)
        {
            var fix = Fixes[fixName];
            using var workspace = new AdhocWorkspace();
            var solution = workspace.CurrentSolution;
            var documents = new List<(DocumentId Id, string Before, string After, int Project)>();
            for (var p = 0; p < 2; p++)
            {
                var projectId = ProjectId.CreateNewId();
                solution = solution
                    .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, $"P{p}", $"P{p}", LanguageNames.CSharp, filePath: $"/{p}/P{p}.csproj")
                        .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                        .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest)))
                    .AddMetadataReferences(projectId, TestReferences.Net100)
                    .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From("root = true\n\n[*]\n" + fix.EditorConfig), filePath: $"/{p}/.editorconfig");
                var sources = p == 0 ? fix.Project0 : fix.Project1;
                for (var d = 0; d < sources.Length; d++)
                {
                    var id = DocumentId.CreateNewId(projectId);
                    solution = solution.AddDocument(id, $"Test{d}.cs", SourceText.From(sources[d].Before), filePath: $"/{p}/Test{d}.cs");
                    documents.Add((id, sources[d].Before, sources[d].After, p));
                }
            }

            var all = new Dictionary<ProjectId, ImmutableArray<Diagnostic>>();
            foreach (var project in solution.Projects)
            {
                var compilation = (await project.GetCompilationAsync())!;
                Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
                all[project.Id] = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBufferAnalyzer()), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            }

            var first = documents[0];
            var firstDocument = solution.GetDocument(first.Id)!;
            var firstTree = await firstDocument.GetSyntaxTreeAsync();
            var provider = fix.Provider;
            string? key = EquivalenceKeyOf(provider);
            if (keyOfTheFirstDiagnostic)
            {
                // The first diagnostic of the document is one the fix does not take: dotnet format would pass a null key.
                var diagnostic = all[firstDocument.Project.Id].Where(d => d.Location.SourceTree == firstTree).OrderBy(d => d.Location.SourceSpan.Start).First();
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(firstDocument, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                Assert.Empty(actions);
                key = null;
            }

            var context = new FixAllContext(firstDocument, provider, scope, key, new[] { fix.Id }, new Provider(all), CancellationToken.None);
            var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
            Assert.NotNull(action);
            var changed = (await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            await ReparseCheck.VerifyAsync(solution, changed, CancellationToken.None);

            foreach (var document in documents)
            {
                var inScope = scope switch
                {
                    FixAllScope.Document => document.Id == first.Id,
                    FixAllScope.Project => document.Project == first.Project,
                    _ => true,
                };
                var text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
                Assert.Equal(inScope ? document.After : document.Before, text);
            }
        }

        private static string EquivalenceKeyOf(CodeFixProvider provider) => provider switch
        {
            RemoveBufferSettingCodeFix => RemoveBufferSettingCodeFix.EquivalenceKey,
            SizeForLinkCodeFix => SizeForLinkCodeFix.EquivalenceKey,
            MoveBeforeConnectCodeFix => MoveBeforeConnectCodeFix.EquivalenceKey,
            ShipNoFixedDefaultCodeFix => ShipNoFixedDefaultCodeFix.EquivalenceKey,
            ApplyOnlyWhenConfiguredCodeFix => ApplyOnlyWhenConfiguredCodeFix.EquivalenceKey,
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };

        private sealed record Case(CodeFixProvider Provider, string Id, string EditorConfig, (string Before, string After)[] Project0, (string Before, string After)[] Project1);

        private static readonly Dictionary<string, Case> Fixes = new()
        {
            ["Remove"] = new Case(
                new RemoveBufferSettingCodeFix(),
                "SOCK001",
                "",
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass A\n{\n    void U(Socket s, bool b) { if (b) s.ReceiveBufferSize = 4096; }\n    void M(Socket s) { s.ReceiveBufferSize = 8192; s.NoDelay = true; }\n}\n",
                        "using System.Net.Sockets;\nclass A\n{\n    void U(Socket s, bool b) { if (b) s.ReceiveBufferSize = 4096; }\n    void M(Socket s) { s.NoDelay = true; }\n}\n"),
                    (
                        "using System.Net.Sockets;\nclass B\n{\n    void M(TcpClient c)\n    {\n        c.ReceiveBufferSize = 65536;\n        c.NoDelay = true;\n    }\n}\n",
                        "using System.Net.Sockets;\nclass B\n{\n    void M(TcpClient c)\n    {\n        c.NoDelay = true;\n    }\n}\n"),
                },
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass D { TcpClient M() => new TcpClient { ReceiveBufferSize = 8192, NoDelay = true }; }\n",
                        "using System.Net.Sockets;\nclass D { TcpClient M() => new TcpClient { NoDelay = true }; }\n"),
                }),
            ["SizeForLink"] = new Case(
                new SizeForLinkCodeFix(),
                "SOCK003",
                "",
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass A\n{\n    void T(Socket s) { s.ReceiveBufferSize = 8192; }\n    void N(UdpClient u) { u.Client.ReceiveBufferSize = 1 << 24; }\n}\n",
                        "using System.Net.Sockets;\nclass A\n{\n    void T(Socket s) { s.ReceiveBufferSize = 8192; }\n    void N(UdpClient u) { u.Client.ReceiveBufferSize = 208 * 1024 /* 1 Gbit/s × 50 ms */; }\n}\n"),
                    (
                        "using System.Net.Sockets;\nclass B\n{\n    void N(UdpClient u)\n    {\n        u.Client.SendBufferSize = 1 << 24;\n    }\n}\n",
                        "using System.Net.Sockets;\nclass B\n{\n    void N(UdpClient u)\n    {\n        u.Client.SendBufferSize = 208 * 1024; // 1 Gbit/s × 50 ms\n    }\n}\n"),
                },
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass D\n{\n    void N(UdpClient u)\n    {\n        u.Client.ReceiveBufferSize = 1 << 24; u.Connect(\"h\", 1);\n    }\n}\n",
                        "using System.Net.Sockets;\nclass D\n{\n    void N(UdpClient u)\n    {\n        u.Client.ReceiveBufferSize = 208 * 1024 /* 1 Gbit/s × 50 ms */; u.Connect(\"h\", 1);\n    }\n}\n"),
                }),
            ["MoveBeforeConnect"] = new Case(
                new MoveBeforeConnectCodeFix(),
                "SOCK004",
                "dotnet_diagnostic.SOCK006.severity = none\n",
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass A\n{\n    void U(TcpListener l, int n) { var a = l.AcceptSocket(); a.ReceiveBufferSize = n; }\n    void M(TcpClient c, int n) { c.Connect(\"h\", 1); c.ReceiveBufferSize = n; }\n}\n",
                        "using System.Net.Sockets;\nclass A\n{\n    void U(TcpListener l, int n) { var a = l.AcceptSocket(); a.ReceiveBufferSize = n; }\n    void M(TcpClient c, int n) { c.ReceiveBufferSize = n; c.Connect(\"h\", 1); }\n}\n"),
                    (
                        "using System.Net.Sockets;\nclass B\n{\n    void M(TcpClient c, int n)\n    {\n        c.Connect(\"h\", 1);\n        c.ReceiveBufferSize = n;\n    }\n}\n",
                        "using System.Net.Sockets;\nclass B\n{\n    void M(TcpClient c, int n)\n    {\n        c.ReceiveBufferSize = n;\n        c.Connect(\"h\", 1);\n    }\n}\n"),
                },
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass D\n{\n    void M(TcpClient c, int n)\n    {\n        c.Connect(\"h\", 1); c.ReceiveBufferSize = n;\n    }\n}\n",
                        "using System.Net.Sockets;\nclass D\n{\n    void M(TcpClient c, int n)\n    {\n        c.ReceiveBufferSize = n;\n        c.Connect(\"h\", 1);\n    }\n}\n"),
                }),
            ["ShipNoFixedDefault"] = new Case(
                new ShipNoFixedDefaultCodeFix(),
                "SOCK007",
                "",
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass A\n{\n    public int Unguarded = 8192;\n    public int Guarded { get; set; } = 32 * 1024;\n    public void Apply(Socket s) { s.SendBufferSize = Unguarded; if (Guarded > 0) s.ReceiveBufferSize = Guarded; }\n}\n",
                        "using System.Net.Sockets;\nclass A\n{\n    public int Unguarded = 8192;\n    public int Guarded { get; set; } = 0;\n    public void Apply(Socket s) { s.SendBufferSize = Unguarded; if (Guarded > 0) s.ReceiveBufferSize = Guarded; }\n}\n"),
                    (
                        "using System.Net.Sockets;\nclass B\n{\n    public int? Size { get; set; } = 16384;\n    public void Apply(Socket s) { if (Size.HasValue) s.ReceiveBufferSize = Size.Value; }\n}\n",
                        "using System.Net.Sockets;\nclass B\n{\n    public int? Size { get; set; }\n    public void Apply(Socket s) { if (Size.HasValue) s.ReceiveBufferSize = Size.Value; }\n}\n"),
                },
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass D\n{\n    private int size = 65536;\n    public void Apply(Socket s) { if (size != 0) s.SendBufferSize = size; }\n}\n",
                        "using System.Net.Sockets;\nclass D\n{\n    private int size = 0;\n    public void Apply(Socket s) { if (size != 0) s.SendBufferSize = size; }\n}\n"),
                }),
            ["ApplyOnlyWhenConfigured"] = new Case(
                new ApplyOnlyWhenConfiguredCodeFix(),
                "SOCK006",
                "",
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass A\n{\n    int Size() => 1;\n    void U(Socket s) { s.SendBufferSize = Size(); }\n    void M(Socket s, int n) { s.ReceiveBufferSize = n; }\n}\n",
                        "using System.Net.Sockets;\nclass A\n{\n    int Size() => 1;\n    void U(Socket s) { s.SendBufferSize = Size(); }\n    void M(Socket s, int n) { if (n > 0) { s.ReceiveBufferSize = n; } }\n}\n"),
                    (
                        "using System.Net.Sockets;\nclass B\n{\n    void M(Socket s, int? n)\n    {\n        s.ReceiveBufferSize = n.Value;\n    }\n}\n",
                        "using System.Net.Sockets;\nclass B\n{\n    void M(Socket s, int? n)\n    {\n        if (n.HasValue)\n        {\n            s.ReceiveBufferSize = n.Value;\n        }\n    }\n}\n"),
                },
                new[]
                {
                    (
                        "using System.Net.Sockets;\nclass D { void M(Socket s, int n) { s.SendBufferSize = n; s.NoDelay = true; } }\n",
                        "using System.Net.Sockets;\nclass D { void M(Socket s, int n) { if (n > 0) { s.SendBufferSize = n; } s.NoDelay = true; } }\n"),
                }),
        };

        /// <summary>The diagnostics of the whole solution, as dotnet format hands them over (by file path for a document).</summary>
        private sealed class Provider(Dictionary<ProjectId, ImmutableArray<Diagnostic>> all) : FixAllContext.DiagnosticProvider
        {
            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                GetProjectDiagnosticsAsync(project, cancellationToken);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult(all.TryGetValue(document.Project.Id, out var diagnostics)
                    ? diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath)
                    : Enumerable.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult(all.TryGetValue(project.Id, out var diagnostics) ? diagnostics.AsEnumerable() : Enumerable.Empty<Diagnostic>());
        }
    }
}
