namespace SocketBufferAnalyzers.Model
{
    /// <summary>The operating system whose kernel the model describes.</summary>
    public enum TargetOs
    {
        Linux,
        Windows,
        MacOS,
    }

    /// <summary>Linux kernel eras that differ in how a buffer turns into a window (docs/rules/window-model.md, "Kernel eras").</summary>
    public enum KernelEra
    {
        /// <summary>Up to 3.3: tcp_adv_win_scale 2 (window = 3/4 of the buffer), tcp_rmem[2] 4 MiB.</summary>
        L26,

        /// <summary>3.4 to 6.5: tcp_adv_win_scale 1 (window = 1/2), tcp_rmem[2] 6 MiB.</summary>
        L34To65,

        /// <summary>6.6 to 6.9: per-socket scaling_ratio, initial 65/256.</summary>
        L66To69,

        /// <summary>6.10: initial ratio 128/256; a locked socket never relearns it.</summary>
        L610,

        /// <summary>6.11 to 6.15: a locked socket's clamp follows the learned ratio (a2cbb1603943).</summary>
        L611To615,

        /// <summary>6.16 and later: tcp_rmem[2] 32 MiB.</summary>
        L616Plus,
    }

    /// <summary>Which buffer a setting sizes.</summary>
    public enum BufferSide
    {
        Receive,
        Send,
    }

    /// <summary>What the code shows about the socket a setting is made on.</summary>
    public enum SocketKind
    {
        /// <summary>The creation is not visible (a parameter, a field set elsewhere).</summary>
        Unknown,
        Tcp,
        Udp,

        /// <summary>Unix domain, raw, RDM, seqpacket sockets.</summary>
        Other,
    }

    /// <summary>When the setting happens relative to the connection's establishment.</summary>
    public enum SetTiming
    {
        /// <summary>Before connect or listen (or on the listener, for accepted sockets).</summary>
        BeforeConnect,

        /// <summary>After the connection exists: after connect, or on an accepted socket.</summary>
        AfterConnect,
    }

    /// <summary>How the value reaches the kernel; matters for negative values.</summary>
    public enum SetterApi
    {
        /// <summary><c>Socket.ReceiveBufferSize</c>/<c>SendBufferSize</c>: throws for a negative value.</summary>
        SocketProperty,

        /// <summary><c>TcpClient.ReceiveBufferSize</c>/<c>SendBufferSize</c>: passes any value on.</summary>
        TcpClientProperty,

        /// <summary><c>Socket.SetSocketOption</c>: passes any value on.</summary>
        SetSocketOption,

        /// <summary><c>Socket.SetRawSocketOption</c> with SOL_SOCKET constants.</summary>
        RawSocketOption,
    }

    /// <summary>What serves a link best, given its bandwidth-delay product.</summary>
    public enum RecommendationKind
    {
        /// <summary>Autotuning reaches the bandwidth-delay product: remove the fixed size.</summary>
        RemoveSetting,

        /// <summary>A fixed size under the kernel limit covers the link.</summary>
        SetValue,

        /// <summary>The link needs more than the kernel limit allows: raise the sysctls instead.</summary>
        RaiseSysctl,
    }
}
