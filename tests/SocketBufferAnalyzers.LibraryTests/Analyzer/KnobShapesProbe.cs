using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.LibraryTests.Analyzer
{
    /// <summary>
    /// The analyzer on <see cref="KnobShapes"/> itself, the file that compiles every knob form against the packages: every one of the
    /// eleven libraries is reported somewhere in it (a library whose rows stopped matching its package would vanish here). The test's
    /// output lists each diagnostic (line, id, text, message): `dotnet test … --filter KnobShapesAnalysis --logger "console;verbosity=detailed"`.
    /// </summary>
    public sealed class KnobShapesAnalysis(ITestOutputHelper output)
    {
        [Fact]
        public async Task EveryLibraryOfKnobShapesIsReported()
        {
            var directory = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(directory, "Analyzers.sln")))
            {
                directory = Path.GetDirectoryName(directory)!;
            }

            var text = File.ReadAllText(Path.Combine(directory, "tests", "SocketBufferAnalyzers.LibraryTests", "KnobShapes.cs"))
                .Replace("internal static class KnobShapes", "internal static class KnobShapesUser", StringComparison.Ordinal);
            var diagnostics = await KnobCompilation.RunAsync(text);
            foreach (var d in diagnostics)
            {
                var line = d.Location.GetLineSpan().StartLinePosition.Line + 1;
                output.WriteLine($"{line}: {d.Id} @ {d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan)} :: {d.GetMessage()}");
            }

            var libraries = new[] { "MongoDB.Driver", "MQTTnet", "Npgsql", "DotNetty", "Confluent.Kafka", "CassandraCSharpDriver", "Akka", "Hazelcast.Net", "SuperSocket", "NetMQ", "AMQPNetLite" };
            var missing = libraries.Where(library => !diagnostics.Any(d => d.GetMessage().StartsWith(library + " ", StringComparison.Ordinal) || d.GetMessage().Contains(library + ",", StringComparison.Ordinal) || d.GetMessage().Contains("by " + library + " ", StringComparison.Ordinal))).ToList();
            Assert.True(missing.Count == 0, "No diagnostic names " + string.Join(", ", missing));
        }
    }
}
