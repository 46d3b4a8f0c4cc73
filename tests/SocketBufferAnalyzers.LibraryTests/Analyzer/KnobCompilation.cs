using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Rules;

namespace SocketBufferAnalyzers.LibraryTests.Analyzer
{
    /// <summary>
    /// Compiles user code against the real packages this project references (the assemblies the test host loads: the
    /// .NET runtime and every package in this project's dependency list, so MQTTnet.dll, MongoDB.Driver.dll, … exactly as
    /// served) and runs the analyzer on it. The three libraries not served here (Hazelcast.Net, CassandraCSharpDriver,
    /// SuperSocket) come from Stubs/, compiled into this test assembly, which is referenced too.
    /// </summary>
    internal static class KnobCompilation
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences, LazyThreadSafetyMode.ExecutionAndPublication);

        public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, string? editorConfig = null, params string[] moreSources)
        {
            var sources = new[] { source }.Concat(moreSources).ToArray();
            var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: $"/0/Test{i}.cs")).ToArray();
            var compilation = CSharpCompilation.Create(
                "KnobUser",
                trees,
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The user code does not compile against the packages: " + string.Join("; ", errors.Take(5)));

            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptions(editorConfig));
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBufferAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        }

        /// <summary>"SOCK001@64 * 1024": each diagnostic's id and the source text it sits on, for exact comparisons.</summary>
        public static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
            diagnostics.Select(d => d.Id + "@" + (d.Location.SourceTree?.GetText().ToString(d.Location.SourceSpan) ?? "<none>")).ToArray();

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            var paths = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .ToList();

            // The packages the tests compile against must be among them (a missing one would silently test nothing).
            foreach (var type in new[]
            {
                typeof(MQTTnet.MqttClientFactory), typeof(MongoDB.Driver.MongoClient), typeof(Npgsql.NpgsqlConnection), typeof(DotNetty.Transport.Bootstrapping.Bootstrap),
                typeof(Confluent.Kafka.ClientConfig), typeof(Akka.IO.Inet), typeof(Akka.Remote.RemoteSettings), typeof(NetMQ.SocketOptions), typeof(Amqp.TcpSettings),
                typeof(Hazelcast.HazelcastOptions),
            })
            {
                if (!paths.Contains(type.Assembly.Location))
                {
                    paths.Add(type.Assembly.Location);
                }
            }

            return paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        }

        private sealed class ConfigOptions : AnalyzerConfigOptionsProvider
        {
            private readonly Options _options;

            public ConfigOptions(string? editorConfig)
            {
                var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var line in (editorConfig ?? string.Empty).Split('\n'))
                {
                    var parts = line.Split('=', 2);
                    if (parts.Length == 2)
                    {
                        values[parts[0].Trim()] = parts[1].Trim();
                    }
                }

                _options = new Options(values);
            }

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

            private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
            {
                public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
            }
        }
    }
}
