using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// The example output in README.md and in the package readme (src/Package/PACKAGE.md) is what the analyzer reports on the
    /// sample for the default configuration: same file, line, column, severity, id, message and help link, in the form
    /// MSBuild prints (<c>file(line,col): warning ID: message (help link)</c>; that form is checked on a real build by the
    /// integration tests).
    /// </summary>
    public partial class ReadmeExampleTests
    {
        private static readonly string Root = FindRepositoryRoot();
        private static readonly Lazy<ImmutableArray<Diagnostic>> SampleDiagnostics = new(AnalyzeSample);

        [Theory]
        [InlineData("README.md")]
        [InlineData("src/Package/PACKAGE.md")]
        public void Example_line_is_what_the_analyzer_reports_on_the_sample(string document)
        {
            var text = File.ReadAllText(Path.Combine(Root, document));
            var example = ExampleLine().Match(text);
            Assert.True(example.Success, $"{document} has no example line of the form `….cs(line,col): warning SOCKnnn: message (help link)`.");

            var file = example.Groups["file"].Value;
            var line = int.Parse(example.Groups["line"].Value);
            var column = int.Parse(example.Groups["col"].Value);
            var diagnostic = Assert.Single(
                SampleDiagnostics.Value,
                d => Path.GetFileName(d.Location.SourceTree!.FilePath) == Path.GetFileName(file)
                    && d.Location.GetLineSpan().StartLinePosition.Line + 1 == line
                    && d.Location.GetLineSpan().StartLinePosition.Character + 1 == column);

            Assert.Equal(diagnostic.Severity.ToString().ToLowerInvariant(), example.Groups["severity"].Value);
            Assert.Equal(diagnostic.Id, example.Groups["id"].Value);
            Assert.Equal(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), example.Groups["message"].Value);
            Assert.Equal(diagnostic.Descriptor.HelpLinkUri, example.Groups["link"].Value);
            if (file.Contains('/'))
            {
                Assert.True(File.Exists(Path.Combine(Root, file)), $"{document} names {file}, which is not in the repository.");
            }
        }

        private static ImmutableArray<Diagnostic> AnalyzeSample()
        {
            var folder = Path.Combine(Root, "samples", "NetworkingSample");
            // The sample project has ImplicitUsings on: these are the SDK's implicit usings for a console project.
            var implicitUsings = CSharpSyntaxTree.ParseText(
                "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
                "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
                path: Path.Combine(folder, "obj", "GlobalUsings.g.cs"));
            var trees = Directory.EnumerateFiles(folder, "*.cs")
                .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path))
                .Append(implicitUsings);
            var compilation = CSharpCompilation.Create(
                "NetworkingSample",
                trees,
                TestReferences.Net100,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            return compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBufferAnalyzer()))
                .GetAnalyzerDiagnosticsAsync()
                .GetAwaiter()
                .GetResult();
        }

        [GeneratedRegex(@"^(?<file>[^\s(]+\.cs)\((?<line>\d+),(?<col>\d+)\): (?<severity>warning|error|info) (?<id>SOCK\d{3}): (?<message>.+?) \((?<link>https://[^)\s]+)\)(?: \[[^\]]+\])?\s*$", RegexOptions.Multiline)]
        private static partial Regex ExampleLine();

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
