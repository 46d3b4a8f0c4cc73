using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.RepoScan;

/// <summary>Writes a scan's findings as a SARIF 2.1.0 log, paths relative to the scanned folder (uriBaseId SRCROOT).</summary>
public static class SarifWriter
{
    public static void Write(ScanResult result, string path, string toolVersion)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "SocketBufferAnalyzers");
        json.WriteString("version", toolVersion);
        json.WriteStartArray("rules");
        foreach (var rule in result.Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
            if (!string.IsNullOrEmpty(rule.HelpLinkUri))
            {
                json.WriteString("helpUri", rule.HelpLinkUri);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("SRCROOT");
        json.WriteString("uri", new Uri(result.Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Id);
            json.WriteString("level", finding.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "note",
            });
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            if (finding.Path.Length > 0)
            {
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", string.Join('/', finding.Path.Split('/').Select(Uri.EscapeDataString)));
                json.WriteString("uriBaseId", "SRCROOT");
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.Line);
                json.WriteNumber("startColumn", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
