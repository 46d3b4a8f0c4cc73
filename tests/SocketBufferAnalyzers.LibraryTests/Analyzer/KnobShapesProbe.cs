using System;
using System.IO;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.LibraryTests.Analyzer
{
    public sealed class KnobShapesProbe(ITestOutputHelper output)
    {
        [Fact]
        public async Task PrintKnobShapesDiagnostics()
        {
            var dir = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(dir, "Analyzers.sln"))) dir = Path.GetDirectoryName(dir)!;
            var text = File.ReadAllText(Path.Combine(dir, "tests", "SocketBufferAnalyzers.LibraryTests", "KnobShapes.cs")).Replace("internal static class KnobShapes", "internal static class KnobShapesUser");
            var diagnostics = await KnobCompilation.RunAsync(text);
            foreach (var d in diagnostics)
            {
                var line = d.Location.GetLineSpan().StartLinePosition.Line + 1;
                output.WriteLine($"{line}: {d.Id} @ {d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan)} :: {d.GetMessage()}");
            }
        }
    }
}
