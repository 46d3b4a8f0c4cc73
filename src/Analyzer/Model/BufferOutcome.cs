namespace SocketBufferAnalyzers.Model
{
    /// <summary>What the OS does with one <see cref="BufferRequest"/>, with the numbers the messages quote.</summary>
    public sealed class BufferOutcome
    {
        internal BufferOutcome(BufferRequest request)
        {
            Request = request;
        }

        public BufferRequest Request { get; }

        /// <summary><c>Socket.ReceiveBufferSize</c>/<c>SendBufferSize</c> throw ArgumentOutOfRangeException; nothing reaches the OS.</summary>
        public bool ManagedThrow { get; internal set; }

        /// <summary>The OS rejects the value with an error (macOS: EINVAL below 1, ENOBUFS above the limit), surfacing as SocketException.</summary>
        public string? OsError { get; internal set; }

        /// <summary>The value is silently reduced to the limit (Linux, <c>rmem_max</c>/<c>wmem_max</c>; negative values too).</summary>
        public bool Clamped { get; internal set; }

        /// <summary>The doubled value is below the kernel floor and is raised to it.</summary>
        public bool RaisedToMinimum { get; internal set; }

        /// <summary>The limit compared with: <c>rmem_max</c>, <c>wmem_max</c> or the macOS limit.</summary>
        public long Limit { get; internal set; }

        /// <summary>The buffer the kernel keeps: what <c>getsockopt</c> and the .NET getter return.</summary>
        public long EffectiveBuffer { get; internal set; }

        /// <summary>Autotuning of this buffer is switched off (a TCP socket with an explicit size).</summary>
        public bool Locked { get; internal set; }

        /// <summary>Receive window scale negotiated at SYN time, for the request's timing (receive side, Linux).</summary>
        public int WindowScale { get; internal set; }

        /// <summary>
        /// Receive: the largest window advertised for the request's timing. Send: the payload the buffer
        /// holds in flight (half the kernel buffer). macOS/Windows: the value itself.
        /// </summary>
        public long MaxWindow { get; internal set; }

        /// <summary>The window had the same value been set before connecting.</summary>
        public long MaxWindowBefore { get; internal set; }

        /// <summary>The window had the same value been set after the connection was established.</summary>
        public long MaxWindowAfter { get; internal set; }

        /// <summary>Receive (Linux): the window clamp fixed at establishment for an unlocked socket.</summary>
        public long ClampAtEstablishment { get; internal set; }

        /// <summary><see cref="MaxWindow"/> divided by the RTT, in bytes per second: what one connection tops out at.</summary>
        public double ThroughputCap { get; internal set; }

        /// <summary>The buffer autotuning could have grown to (<c>tcp_rmem[2]</c>/<c>tcp_wmem[2]</c>).</summary>
        public long AutotuneBufferCeiling { get; internal set; }

        /// <summary>The window autotuning could have reached (Linux); 0 where not modelled.</summary>
        public long AutotuneWindowCeiling { get; internal set; }

        /// <summary>How much larger the autotuned window could be than the locked one (window set before connecting).</summary>
        public long Forgone { get; internal set; }

        /// <summary>
        /// Whether fixing the size gives up window autotuning would have reached. On Linux this is
        /// <see cref="Forgone"/> &gt; 0; on macOS and Windows it is not modelled, and every kept size counts.
        /// </summary>
        public bool AutotuningForgone { get; internal set; }

        /// <summary>Send side: the throughput band for a payload fraction of 0.33 to 0.95 of the buffer, bytes per second.</summary>
        public double SendCapLow { get; internal set; }

        public double SendCapHigh { get; internal set; }
    }
}
