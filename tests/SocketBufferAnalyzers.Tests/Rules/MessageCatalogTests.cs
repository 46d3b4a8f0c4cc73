using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Robustness;
using SocketBufferAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// One representative setting per message path (every rule, side, socket kind and target OS), run through the analyzer:
    /// the messages' lengths are measured (issue 13 aims at 220 characters), and UDP or other sockets never read TCP words.
    /// </summary>
    public class MessageCatalogTests
    {
        /// <summary>Issue 13's aim; the names a message quotes (the path through a forwarder) come on top.</summary>
        private const int MaxLength = 220;

        private const string Tcp = "new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)";
        private const string Udp = "new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)";
        private const string Unix = "new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)";

        private readonly ITestOutputHelper _output;

        public MessageCatalogTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>(name, statements in a method with a TCP socket <c>s</c>, a UDP socket <c>u</c>, a Unix socket <c>x</c>, options <c>o</c>; editorconfig lines).</summary>
        public static IEnumerable<(string Name, string Body, string Config)> Cases()
        {
            yield return ("SOCK001 8 KiB", "s.ReceiveBufferSize = 8192;", "");
            yield return ("SOCK001 32 KiB", "s.ReceiveBufferSize = 32768;", "");
            yield return ("SOCK001+003 1 MiB", "s.ReceiveBufferSize = 1024 * 1024;", "");
            yield return ("SOCK001+004 128 KiB after Connect", "s.Connect(\"h\", 1); s.ReceiveBufferSize = 131072;", "");
            yield return ("SOCK001+003+004 1 MiB after Connect", "s.Connect(\"h\", 1); s.ReceiveBufferSize = 1 << 20;", "");
            yield return ("SOCK001 6.6", "s.ReceiveBufferSize = 65536;", "socket_buffer.linux_kernel = 6.6");
            yield return ("SOCK001 2.6", "s.ReceiveBufferSize = 65536;", "socket_buffer.linux_kernel = 2.6.32");
            yield return ("SOCK001 macOS", "s.ReceiveBufferSize = 65536;", "socket_buffer.target_os = macos");
            yield return ("SOCK001 Windows", "s.ReceiveBufferSize = 65536;", "socket_buffer.target_os = windows");
            yield return ("SOCK001 NetMQ", "o.ReceiveBuffer = 65536;", "");
            yield return ("SOCK002 8 KiB", "s.SendBufferSize = 8192;", "");
            yield return ("SOCK001 through a forwarder", "Tuning.Apply(s, 8192);", "");
            yield return ("SOCK006 through a forwarder", "Tuning.Apply(s, o.ReceiveBuffer);", "");
            yield return ("SOCK003 UDP through a forwarder", "Tuning.Apply(u, 8 << 20);", "");
            yield return ("SOCK002 macOS", "s.SendBufferSize = 65536;", "socket_buffer.target_os = macos");
            yield return ("SOCK002+003 8 MiB", "s.SendBufferSize = 8 << 20;", "");
            yield return ("SOCK003 UDP 7 MiB", "u.ReceiveBufferSize = 7 * 1024 * 1024;", "");
            yield return ("SOCK003 UDP send 1 MiB", "u.SendBufferSize = 1 << 20;", "");
            yield return ("SOCK003 forced", "s.SetRawSocketOption(1, 33, BitConverter.GetBytes(8 * 1024 * 1024));", "");
            yield return ("SOCK003 macOS UDP", "u.ReceiveBufferSize = 8 * 1024 * 1024;", "socket_buffer.target_os = macos");
            yield return ("SOCK004 accepted", "var a = l.AcceptSocket(); a.ReceiveBufferSize = 1 << 17;", "");
            yield return ("SOCK004 TcpClient(host, port)", "var c = new TcpClient(\"h\", 1); c.ReceiveBufferSize = 1 << 17;", "");
            yield return ("SOCK004 configured after Connect", "s.Connect(\"h\", 1); if (o.ReceiveBuffer > 0) s.ReceiveBufferSize = o.ReceiveBuffer;", "");
            yield return ("SOCK004 6.12", "s.Connect(\"h\", 1); s.ReceiveBufferSize = 1 << 20;", "socket_buffer.linux_kernel = 6.12");
            yield return ("SOCK004 macOS", "s.Connect(\"h\", 1); s.ReceiveBufferSize = 1 << 20;", "socket_buffer.target_os = macos");
            yield return ("SOCK005 send 0", "s.SendBufferSize = 0;", "");
            yield return ("SOCK005 receive 512", "s.ReceiveBufferSize = 512;", "");
            yield return ("SOCK005 negative Socket", "s.ReceiveBufferSize = -1;", "");
            yield return ("SOCK005 negative option", "s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, -1);", "");
            yield return ("SOCK005 UDP 0", "u.ReceiveBufferSize = 0;", "");
            yield return ("SOCK005 Unix negative option", "x.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.SendBuffer, -1);", "");
            yield return ("SOCK005 macOS 0", "s.ReceiveBufferSize = 0;", "socket_buffer.target_os = macos");
            yield return ("SOCK005 macOS UDP 0", "u.SendBufferSize = 0;", "socket_buffer.target_os = macos");
            yield return ("SOCK005 Windows UDP 0", "u.ReceiveBufferSize = 0;", "socket_buffer.target_os = windows");
            yield return ("SOCK005 Windows UDP negative option", "u.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, -1);", "socket_buffer.target_os = windows");
            yield return ("SOCK005 UDP 512", "u.SendBufferSize = 512;", "socket_buffer.linux_kernel = 2.6");
            yield return ("SOCK003 UDP shipped default", "u.ReceiveBufferSize = o.Huge;", "");
            yield return ("SOCK005 Windows receive 0", "s.ReceiveBufferSize = 0;", "socket_buffer.target_os = windows");
            yield return ("SOCK006 plain", "s.ReceiveBufferSize = o.ReceiveBuffer;", "");
            yield return ("SOCK006 nullable", "s.SendBufferSize = o.Maybe.Value;", "");
            yield return ("SOCK006+007 shipped default", "s.ReceiveBufferSize = o.Shipped;", "");
            yield return ("SOCK007 send", "if (o.ShippedSend > 0) s.SendBufferSize = o.ShippedSend;", "");
            yield return ("SOCK007 macOS", "if (o.Shipped > 0) s.ReceiveBufferSize = o.Shipped;", "socket_buffer.target_os = macos");
        }

        [Fact]
        public async Task EveryMessageFitsAndUdpReadsNoTcpWords()
        {
            var lengths = new List<int>();
            var failures = new List<string>();
            foreach (var (name, body, config) in Cases())
            {
                foreach (var diagnostic in await RunAsync(body, config))
                {
                    var message = diagnostic.GetMessage();
                    lengths.Add(message.Length);
                    _output.WriteLine($"{name} | {diagnostic.Id} | {message.Length} | {message}");
                    // A path the value goes through ("through Tuning.Apply") adds its own length: the rest must fit.
                    if (message.Replace(" through Tuning.Apply", string.Empty).Length > MaxLength)
                    {
                        failures.Add($"{name} {diagnostic.Id} is {message.Length} characters: {message}");
                    }

                    if ((name.Contains("UDP") || name.Contains("Unix")) && TcpWords.IsMatch(message))
                    {
                        failures.Add($"{name} {diagnostic.Id} uses TCP words: {message}");
                    }
                }
            }

            lengths.Sort();
            _output.WriteLine($"{lengths.Count} messages; median {lengths[lengths.Count / 2]}, max {lengths[^1]} characters");
            Assert.True(lengths.Count >= 40, $"only {lengths.Count} messages");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        /// <summary>Words that only make sense for TCP ("window", not "Windows").</summary>
        private static readonly System.Text.RegularExpressions.Regex TcpWords = new(@"\b(window|autotun\w*|connections?|TCP|RTT)\b|bit/s", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        internal static async Task<ImmutableArray<Diagnostic>> RunAsync(string body, string config)
        {
            var source = @"
using System;
using System.Net.Sockets;
namespace NetMQ { public class SocketOptions { public int ReceiveBuffer { get; set; } public int SendBuffer { get; set; } } }
class Options
{
    public int ReceiveBuffer { get; set; }
    public int? Maybe { get; set; }
    public int Shipped = 32 * 1024;
    public int ShippedSend = 64 * 1024;
    public int Huge = 8 * 1024 * 1024;
}
static class Tuning
{
    public static void Apply(Socket socket, int size) => socket.ReceiveBufferSize = size;
}
class C
{
    private readonly Options o = new Options();
    private readonly NetMQ.SocketOptions n = new NetMQ.SocketOptions();

    void M(TcpListener l)
    {
        var s = " + Tcp + @";
        var u = " + Udp + @";
        var x = " + Unix + @";
" + body.Replace("o.ReceiveBuffer = 65536", "n.ReceiveBuffer = 65536") + @"
    }
}";
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs");
            var compilation = CSharpCompilation.Create("Messages", new[] { tree }, TestReferences.Net100, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "does not compile: " + string.Join("; ", errors));
            var values = config.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('='))
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim());
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EditorConfigOptions(values));
            return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SocketBufferAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        }
    }
}
