using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Configuration
{
    /// <summary>
    /// Helpers for the configuration tests. Every expected message in this folder was computed by hand from
    /// window-model.md and rules.md (the arithmetic sits next to each expectation), never copied from a run.
    /// </summary>
    internal static class ConfigurationVerifier
    {
        /// <summary>Silences SOCK006 where a test uses a non-constant value on purpose.</summary>
        public const string Sock006Off = "dotnet_diagnostic.SOCK006.severity = none";

        /// <summary>One source under a root <c>.editorconfig</c> whose <c>[*]</c> section holds the given lines.</summary>
        public static Task VerifyAsync(string source, string? editorConfig, params DiagnosticResult[] expected) =>
            AnalyzerVerifier.VerifyAsync(new[] { source }, editorConfig, expected);

        /// <summary>A diagnostic at markup location <c>{|#n:…|}</c> with its full message.</summary>
        public static DiagnosticResult At(string id, int location, string message) =>
            AnalyzerVerifier.Diagnostic(id).WithLocation(location).WithArguments(message);

        /// <summary>SOCK900: once per compilation, no source location.</summary>
        public static DiagnosticResult Sock900(string message) =>
            new DiagnosticResult("SOCK900", DiagnosticSeverity.Warning).WithNoLocation().WithArguments(message);

        /// <summary>Joins editorconfig lines.</summary>
        public static string Lines(params string[] lines) => string.Join("\n", lines);

        /// <summary>
        /// The spec's own SOCK001 example for the default profile (rules.md, "Messages carry the model's numbers"):
        /// Linux 6.1, rmem_max 212 992, RTT 50 ms, <c>ReceiveBufferSize = 32768</c>.
        /// </summary>
        public const string DefaultProfile32KiB =
            "Receive buffer fixed at 32 KiB: " +
                "Linux doubles it to 64 KiB (half is overhead) and stops autotuning; one connection tops out at 5.2 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s). Remove it or size it for the link.";
    }
}
