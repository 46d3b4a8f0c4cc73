using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Robustness
{
    /// <summary>
    /// ROBUSTNESS of the cross-method analysis (issue 14): recursive and mutually recursive forwarders, chains through
    /// property setters and constructors, thousands of forwarders in one compilation, half-typed code around forwarder
    /// calls, and very large methods. Each input must be analysed to the end without an exception or AD0001. No wall-time
    /// assertion: the large inputs only have a cancellation guard of several minutes (a hang, not a slow machine); their
    /// growth with size is measured by the benchmark (<c>--scaling</c>, benchmarks/README.md).
    /// </summary>
    [Trait("Category", "Robustness")]
    public class CrossMethodRobustnessTests
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

        private const string Usings = "using System;\nusing System.Net;\nusing System.Net.Sockets;\n\nnamespace Robust;\n\n";

        public static IEnumerable<object[]> SmallInputs() => CrossMethodSnippets.All.Select(s => new object[] { s.Name });

        [Theory]
        [MemberData(nameof(SmallInputs))]
        public async Task CrossMethodSnippetAnalyzesAndEveryFixApplies(string name)
        {
            var source = CrossMethodSnippets.All.Single(s => s.Name == name).Source;
            var result = await RobustnessHarness.RunAsync(new[] { (name + ".cs", source) }, mustCompileAfterFix: true);
            Assert.True(result.InputCompiles, name + " does not compile: the fix half would not be checked");
            var log = new FailureLog();
            log.Add(result);
            log.AssertNone();
        }

        [Fact]
        public async Task RecursiveForwarderWithAConstantAtTheOuterCallIsReportedAtThatCall()
        {
            // The cycle is stopped, and the constant still reaches the socket: SOCK001 at the argument 8192.
            var source = CrossMethodSnippets.All.Single(s => s.Name == "SelfRecursiveForwarder").Source;
            var result = await RobustnessHarness.RunAsync(new[] { ("Self.cs", source) });
            var log = new FailureLog();
            log.Add(result);
            log.AssertNone();
            var at = source.IndexOf("Apply(socket, 8192, 3)", StringComparison.Ordinal) + "Apply(socket, ".Length;
            Assert.Contains(result.Diagnostics, d => d.Id == "SOCK001" && d.Location.SourceSpan.Start == at);
        }

        [Fact]
        public async Task HalfTypedCodeAroundForwarderCalls()
        {
            // Prefixes at token boundaries (every few tokens, and the last ones) of a file with forwarders, plus inputs with
            // missing types, missing methods and unresolved arguments: the analyzer and the fixes must never throw.
            var source = CrossMethodSnippets.All.Single(s => s.Name == "ForwardersOfEveryForm").Source;
            var ends = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToList();
            var stride = Math.Max(1, ends.Count / 60);
            var inputs = ends.Where((_, i) => i % stride == 0).Concat(ends.Skip(Math.Max(0, ends.Count - 3))).Distinct()
                .Select(end => source.Substring(0, end))
                .Concat(CrossMethodSnippets.HalfTyped)
                .ToList();
            var log = new FailureLog();
            var results = new System.Collections.Concurrent.ConcurrentBag<RobustnessResult>();
            await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (input, _) =>
                results.Add(await RobustnessHarness.RunAsync(new[] { ("HalfTyped.cs", input) })));
            foreach (var result in results)
            {
                log.Add(result);
            }

            log.AssertNone();
            Assert.Equal(inputs.Count, log.Inputs);
        }

        [Fact]
        public async Task ThousandsOfWrapperClassesEachForwardingToTheNext()
        {
            // 3,000 wrappers: Wrapper{i}.ReceiveBufferSize's setter forwards value to Wrapper{i+1}'s, the last to a socket;
            // the outermost property is set with a constant, and 300 short chains of 3 wrappers each get a constant too.
            const int Wrappers = 3000;
            var sb = new StringBuilder(Usings);
            for (var i = 0; i < Wrappers; i++)
            {
                var inner = i == Wrappers - 1 ? "Socket" : $"Wrapper{i + 1}";
                sb.AppendLine($"public sealed class Wrapper{i}\n{{\n    private readonly {inner} _inner;\n\n    public Wrapper{i}({inner} inner) => _inner = inner;\n");
                sb.AppendLine($"    public int ReceiveBufferSize\n    {{\n        get => _inner.ReceiveBufferSize;\n        set => _inner.ReceiveBufferSize = value;\n    }}\n}}\n");
            }

            sb.AppendLine("public static class Outer\n{\n    public static void Use(Wrapper0 outermost, Wrapper2997 near)\n    {");
            sb.AppendLine("        outermost.ReceiveBufferSize = 8192;");
            sb.AppendLine("        near.ReceiveBufferSize = 16384;");
            sb.AppendLine("    }\n}");
            var diagnostics = await AnalyzeOnlyAsync(sb.ToString());

            // Three wrappers from the socket: within any depth limit, so the constant is reported at the outer setting.
            Assert.Contains(diagnostics, d => d.Id == "SOCK001" && d.GetMessage().Contains("16 KiB", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ThousandsOfForwardersOfOneNameInDifferentTypes()
        {
            // 2,000 options types, each with a public Apply(Socket, int) that sets the receive buffer from its parameter, and one
            // caller type that calls each once with a constant on a fresh TCP socket. The join asks about 2,000 members of one
            // name: each call must be resolved once for all of them, not once per member asked (2,000 × 2,000).
            const int Types = 2000;
            var sb = new StringBuilder(Usings);
            for (var i = 0; i < Types; i++)
            {
                sb.AppendLine($"public sealed class Options{i}\n{{\n    public void Apply(Socket socket, int size) => socket.ReceiveBufferSize = size;\n}}\n");
            }

            sb.AppendLine("public static class Callers\n{");
            for (var i = 0; i < Types; i++)
            {
                sb.AppendLine($"    public static void Use{i}() => new Options{i}().Apply(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp), {8192 + (i % 2 * 8192)});");
            }

            sb.AppendLine("}");
            var diagnostics = await AnalyzeOnlyAsync(sb.ToString());

            // Every call's constant is reported at the call, through its own type's forwarder (8 KiB and 16 KiB alternate), and
            // nothing at the forwarders.
            var atCalls = diagnostics.Where(d => d.Id == "SOCK001").ToList();
            Assert.Equal(Types, atCalls.Count);
            Assert.Equal(Types / 2, atCalls.Count(d => d.GetMessage().StartsWith("Receive buffer fixed at 16 KiB through Options", StringComparison.Ordinal)));
            Assert.Equal(Types / 2, atCalls.Count(d => d.GetMessage().StartsWith("Receive buffer fixed at 8 KiB through Options", StringComparison.Ordinal)));
            Assert.All(atCalls, d =>
            {
                var text = d.Location.SourceTree!.GetText();
                Assert.Contains("public static void Use", text.Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString(), StringComparison.Ordinal);
            });
        }

        [Fact]
        public async Task AMethodWithFourThousandConstantSettingsAfterConnect()
        {
            const int Settings = 4000;
            var sb = new StringBuilder(Usings);
            sb.AppendLine("public static class Settings\n{\n    public static Socket Open(EndPoint endPoint)\n    {");
            sb.AppendLine("        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
            sb.AppendLine("        socket.Connect(endPoint);");
            for (var i = 0; i < Settings; i++)
            {
                sb.Append("        socket.ReceiveBufferSize = ").Append(131072 + (i % 8) * 1024).AppendLine(";");
            }

            sb.AppendLine("        return socket;\n    }\n}");
            var diagnostics = await AnalyzeOnlyAsync(sb.ToString());

            // Every setting is judged: each is fixed (SOCK001) and after the Connect that fixed the window clamp (SOCK004).
            Assert.Equal(Settings, diagnostics.Count(d => d.Id == "SOCK001"));
            Assert.Equal(Settings, diagnostics.Count(d => d.Id == "SOCK004"));
        }

        [Fact]
        public async Task AMethodWithTwoThousandConnectedSocketsSetFromLocals()
        {
            const int Sockets = 2000;
            var sb = new StringBuilder(Usings);
            sb.AppendLine("public static class Sockets\n{\n    public static int Open(EndPoint endPoint)\n    {\n        var total = 0;");
            for (var i = 0; i < Sockets; i++)
            {
                sb.AppendLine($"        var socket{i} = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);");
                sb.AppendLine(i % 2 == 0 ? $"        socket{i}.Connect(endPoint);" : $"        var size{i}x = socket{i}.Available;");
                sb.AppendLine($"        var size{i} = {131072 + (i % 8) * 1024};");
                sb.AppendLine($"        socket{i}.ReceiveBufferSize = size{i};");
                sb.AppendLine($"        total += socket{i}.Available;");
            }

            sb.AppendLine("        return total;\n    }\n}");
            var diagnostics = await AnalyzeOnlyAsync(sb.ToString());

            // Each socket's timing is its own: only the connected half gets SOCK004; every setting is fixed (SOCK001).
            Assert.Equal(Sockets, diagnostics.Count(d => d.Id == "SOCK001"));
            Assert.Equal(Sockets / 2, diagnostics.Count(d => d.Id == "SOCK004"));
        }

        /// <summary>Analysis only (no fixes: thousands of diagnostics), with a guard against a hang, not a time bound.</summary>
        private static async Task<ImmutableArray<Diagnostic>> AnalyzeOnlyAsync(string source)
        {
            var compilation = CSharpCompilation.Create(
                "Large",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "/src/Large.cs") },
                TestReferences.Net100,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            // Parse errors only: a full compile here would double the test's time; the callers' diagnostic counts show that
            // the input binds (an unbound setting would not be reported).
            var errors = compilation.GetParseDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
            Assert.True(errors.Count == 0, "the generated input does not parse: " + string.Join(Environment.NewLine, errors));
            using var guard = new CancellationTokenSource(HangGuard);
            var result = new RobustnessResult("(generated: " + source.Length + " characters)");
            var diagnostics = await RobustnessHarness.AnalyzeAsync(compilation, RobustnessHarness.PackageAnalyzers(), "analyzer", null, false, result, guard.Token);
            var log = new FailureLog();
            log.Add(result);
            log.AssertNone();
            return diagnostics;
        }
    }
}
