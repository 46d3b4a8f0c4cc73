using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>Every rule of the package, declared once: id, title, category, default severity and help link.</summary>
    public static class Descriptors
    {
        /// <summary>The one base address of the help pages (docs/rules/SOCKnnn.md in the repository).</summary>
        public const string HelpLinkBase = "https://github.com/SocketBufferAnalyzers/SocketBufferAnalyzers/blob/main/docs/rules/";

        public const string Performance = "Performance";
        public const string Reliability = "Reliability";
        public const string Configuration = "Configuration";

        public static readonly DiagnosticDescriptor SOCK001_FixedTcpReceiveBuffer = Rule(
            "SOCK001",
            "A fixed TCP receive buffer turns off receive-window autotuning",
            Performance,
            DiagnosticSeverity.Warning,
            "Setting SO_RCVBUF on a TCP socket locks the buffer: Linux doubles the value, advertises only part of it as window and never grows it, so one connection tops out at window / RTT. Autotuning would grow the buffer to tcp_rmem[2].");

        public static readonly DiagnosticDescriptor SOCK002_FixedTcpSendBuffer = Rule(
            "SOCK002",
            "A fixed TCP send buffer turns off send-buffer autotuning",
            Performance,
            DiagnosticSeverity.Warning,
            "Setting SO_SNDBUF on a TCP socket locks the buffer: Linux doubles the value, keeps about half of it in flight and never grows it, so one connection tops out at buffer / RTT. Autotuning would grow it to tcp_wmem[2].");

        public static readonly DiagnosticDescriptor SOCK003_AboveKernelLimit = Rule(
            "SOCK003",
            "The buffer size is above the kernel limit and is silently clamped",
            Performance,
            DiagnosticSeverity.Warning,
            "Linux clamps SO_RCVBUF/SO_SNDBUF at net.core.rmem_max/wmem_max without an error; macOS rejects values above its limit with ENOBUFS.");

        public static readonly DiagnosticDescriptor SOCK004_ReceiveBufferAfterConnect = Rule(
            "SOCK004",
            "The receive buffer is set after the connection exists",
            Reliability,
            DiagnosticSeverity.Warning,
            "The receive window's clamp and scale are fixed when the connection is established; a receive buffer set after Connect or on an accepted socket cannot raise the window on kernels before 6.11, and on 6.11+ only until the first full-sized segment arrives.");

        public static readonly DiagnosticDescriptor SOCK005_NotPositiveOrBelowMinimum = Rule(
            "SOCK005",
            "The buffer size is not positive or is below the kernel minimum",
            Reliability,
            DiagnosticSeverity.Warning,
            "Negative sizes throw in Socket and become the maximum in Linux; zero and tiny sizes are raised to the kernel floor (2304/4608 bytes).");

        public static readonly DiagnosticDescriptor SOCK006_ConfiguredSizeUnconditional = Rule(
            "SOCK006",
            "A configured buffer size is applied unconditionally",
            Performance,
            DiagnosticSeverity.Info,
            "A configured buffer size applied without a guard leaves no configuration that keeps autotuning on; apply it only when it is set.");

        public static readonly DiagnosticDescriptor SOCK007_ShippedDefaultFixesBuffer = Rule(
            "SOCK007",
            "A shipped default buffer size fixes the buffer for everyone who keeps it",
            Performance,
            DiagnosticSeverity.Warning,
            "A non-zero default for a buffer-size option locks the buffer for every user who never changes it; ship 0 and let the kernel tune it.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor SOCK008_LibraryDefaultFixesBuffers = Rule(
            "SOCK008",
            "A library fixes socket buffers by default",
            Performance,
            DiagnosticSeverity.Info,
            "MongoDB.Driver, MQTTnet, Hazelcast.Net, SuperSocket and Akka.Remote's classic transport set SO_RCVBUF and SO_SNDBUF on every connection unless told otherwise, which locks the buffers and turns off autotuning for everyone who keeps the default.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor SOCK900_InvalidConfiguration = Rule(
            "SOCK900",
            "Invalid socket buffer configuration",
            Configuration,
            DiagnosticSeverity.Warning,
            "A socket_buffer.* key in .editorconfig or .globalconfig cannot be read or is out of range; the default is used instead.",
            WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>The help page of a rule.</summary>
        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        private static DiagnosticDescriptor Rule(string id, string title, string category, DiagnosticSeverity severity, string description, params string[] tags) =>
            new DiagnosticDescriptor(
                id,
                title,
                messageFormat: "{0}",
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLink(id),
                customTags: tags);
    }
}
