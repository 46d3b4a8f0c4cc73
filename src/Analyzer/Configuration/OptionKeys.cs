namespace SocketBufferAnalyzers.Configuration
{
    /// <summary>
    /// The <c>socket_buffer.*</c> keys of <c>.editorconfig</c>/<c>.globalconfig</c> (README.md and docs/rules/README.md, "Configuring the deployment"): a public contract;
    /// and the MSBuild property that can set each of them for a whole project (<c>&lt;SocketBufferLinuxKernel&gt;6.12&lt;/SocketBufferLinuxKernel&gt;</c>).
    /// The package's build props make those properties compiler-visible, so they reach the analyzer as <c>build_property.*</c> keys.
    /// </summary>
    internal static class OptionKeys
    {
        public const string TargetOs = "socket_buffer.target_os";
        public const string LinuxKernel = "socket_buffer.linux_kernel";
        public const string RmemMax = "socket_buffer.rmem_max";
        public const string WmemMax = "socket_buffer.wmem_max";
        public const string MaxSockBuf = "socket_buffer.maxsockbuf";
        public const string TcpRmem = "socket_buffer.tcp_rmem";
        public const string TcpWmem = "socket_buffer.tcp_wmem";
        public const string LinkRtt = "socket_buffer.link_rtt";
        public const string LinkBandwidth = "socket_buffer.link_bandwidth";

        /// <summary>Every key, in the order the README documents them.</summary>
        public static readonly string[] All = { TargetOs, LinuxKernel, RmemMax, WmemMax, MaxSockBuf, TcpRmem, TcpWmem, LinkRtt, LinkBandwidth };

        /// <summary>How the compiler names an MSBuild property listed as <c>CompilerVisibleProperty</c> in analyzer options.</summary>
        public const string BuildPropertyPrefix = "build_property.";

        /// <summary>The MSBuild property for each key of <see cref="All"/>, in the same order (src/Package/build/SocketBufferAnalyzers.props lists them).</summary>
        public static readonly string[] Properties =
        {
            "SocketBufferTargetOs",
            "SocketBufferLinuxKernel",
            "SocketBufferRmemMax",
            "SocketBufferWmemMax",
            "SocketBufferMaxSockBuf",
            "SocketBufferTcpRmem",
            "SocketBufferTcpWmem",
            "SocketBufferLinkRtt",
            "SocketBufferLinkBandwidth",
        };

        /// <summary>The MSBuild property that sets <paramref name="key"/>, or null for a key that has none.</summary>
        public static string? PropertyFor(string key)
        {
            for (var i = 0; i < All.Length; i++)
            {
                if (All[i] == key)
                {
                    return Properties[i];
                }
            }

            return null;
        }
    }
}
