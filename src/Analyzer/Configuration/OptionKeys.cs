namespace SocketBufferAnalyzers.Configuration
{
    /// <summary>The <c>socket_buffer.*</c> keys of <c>.editorconfig</c>/<c>.globalconfig</c> (rules.md, "Configuration"): a public contract.</summary>
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
    }
}
