using System.Text.RegularExpressions;

namespace SocketBufferAnalyzers.IntegrationTests.Infrastructure;

/// <summary>One diagnostic line of MSBuild's console output: <c>path(line,col): warning ID: message [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    public override string ToString() => $"{Path.GetFileName(File)}({Line},{Column}): {Severity} {Id}: {Message}";
}

public static partial class BuildOutput
{
    // One line at a time: a path has no line break and no parenthesis here (the consumer lives in a temp folder).
    [GeneratedRegex(@"^[ \t]*(?<file>[^\s(][^(\r\n]*?)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>[A-Za-z]+\d+): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]+\])?[ \t\r]*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    /// <summary>The distinct diagnostics with a source location that the build printed (MSBuild prints some twice).</summary>
    public static IReadOnlyList<BuildDiagnostic> Diagnostics(string output) =>
        DiagnosticLine().Matches(output)
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["col"].Value),
                m.Groups["severity"].Value,
                m.Groups["id"].Value,
                m.Groups["message"].Value))
            .Distinct()
            .ToList();

    /// <summary>The package's own diagnostics (SOCKnnn) among them.</summary>
    public static IReadOnlyList<BuildDiagnostic> SocketDiagnostics(string output) =>
        Diagnostics(output).Where(d => d.Id.StartsWith("SOCK", StringComparison.Ordinal)).ToList();

    /// <summary>Ids that mean the analyzer did not load or crashed: it must never produce any of them.</summary>
    public static readonly string[] LoadFailureIds = ["CS8032", "CS8033", "CS9057", "AD0001", "CS8784", "CS8785"];
}
