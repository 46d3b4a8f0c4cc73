using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>Message texts, built from the model's numbers for the configured profile (docs/rules/README.md explains each number).</summary>
    internal static class Messages
    {
        /// <summary>SOCK001/SOCK002: what a fixed size costs.</summary>
        public static string FixedBuffer(long value, BufferOutcome outcome, AnalyzerSettings settings)
        {
            var side = outcome.Request.Side;
            var rtt = Units.Duration(settings.Link.RttMicroseconds);
            var cap = Units.Rate(outcome.ThroughputCap);
            var head = Side(side) + " fixed at " + Units.Bytes(value) + ": ";

            switch (settings.Profile.Os)
            {
                case TargetOs.MacOS:
                    return head + "macOS keeps " + Units.Bytes(outcome.EffectiveBuffer) + " (not doubled) and turns off "
                        + (side == BufferSide.Receive ? "receive-buffer autosizing" : "send-buffer autosizing")
                        + " for this socket; at " + rtt + " RTT one connection tops out at " + cap + ".";
                case TargetOs.Windows:
                    return head + "Windows keeps " + Units.Bytes(outcome.EffectiveBuffer)
                        + "; that this turns off Windows auto-tuning for the socket is widely reported but not documented; at "
                        + rtt + " RTT a window of that size tops out at " + cap + ".";
            }

            if (side == BufferSide.Receive)
            {
                return head + "Linux allocates " + Units.Bytes(outcome.EffectiveBuffer) + ", advertises at most "
                    + A(Adjective(outcome.MaxWindowBefore)) + " window and stops autotuning that could grow the buffer to "
                    + Units.Bytes(outcome.AutotuneBufferCeiling) + "; at " + rtt + " RTT one connection tops out at " + cap + ".";
            }

            return head + "Linux allocates " + Units.Bytes(outcome.EffectiveBuffer) + ", keeps at most about "
                + Units.Bytes(outcome.MaxWindow) + " in flight and stops autotuning that could grow the buffer to "
                + Units.Bytes(outcome.AutotuneBufferCeiling) + "; at " + rtt + " RTT one connection tops out at about " + cap + ".";
        }

        /// <summary>SOCK003: above rmem_max/wmem_max (Linux), or the macOS limit.</summary>
        public static string AboveLimit(long value, BufferOutcome outcome, KernelProfile profile)
        {
            var side = outcome.Request.Side;
            var head = Side(side) + " of " + Units.Bytes(value) + " is above ";
            if (profile.Os == TargetOs.MacOS)
            {
                return head + "the macOS limit of " + Units.Bytes(outcome.Limit) + " (kern.ipc.maxsockbuf " + Units.Bytes(profile.MacMaxSockBuf)
                    + " × 2048/2304): the call throws SocketException (ENOBUFS, No buffer space available); lower the value or raise kern.ipc.maxsockbuf.";
            }

            head += Sysctl(side) + " (" + Units.Bytes(outcome.Limit) + "): ";
            if (outcome.Request.Force)
            {
                var option = side == BufferSide.Receive ? "SO_RCVBUFFORCE" : "SO_SNDBUFFORCE";
                return head + option + " skips that clamp only with CAP_NET_ADMIN; without it the call fails with EPERM (SocketException), with it Linux allocates "
                    + Units.Bytes(outcome.EffectiveBuffer) + ".";
            }

            return head + "Linux silently clamps it and reports " + Units.Bytes(outcome.EffectiveBuffer) + "; raise the sysctl or check the value after setting it.";
        }

        /// <summary>SOCK005: negative, zero, or below the kernel floor.</summary>
        public static string NotPositiveOrBelowMinimum(long value, BufferOutcome outcome, RuleInput input)
        {
            var side = input.Setting.Side;
            var lower = side == BufferSide.Receive ? "receive" : "send";
            if (outcome.ManagedThrow)
            {
                return input.Setting.ShortName + " = " + value + " throws ArgumentOutOfRangeException: Socket rejects negative sizes before any system call.";
            }

            switch (input.Profile.Os)
            {
                case TargetOs.MacOS:
                    return "A " + lower + " buffer size of " + value + " is rejected by macOS: the call throws SocketException (EINVAL).";
                case TargetOs.Windows:
                    return value < 0
                        ? "A negative " + lower + " buffer size is not a size: Windows is documented to reject it (WSAEINVAL, unverified)."
                        : "A " + lower + " buffer size of 0 leaves Windows no " + lower + " buffer: data waits in the stack; unlike SO_SNDBUF = 0 this is no documented idiom.";
            }

            if (value < 0 && !input.Setting.Force)
            {
                return "A negative " + lower + " buffer size reaches Linux as a huge unsigned value: it silently takes the maximum, "
                    + Units.Bytes(outcome.EffectiveBuffer) + " (twice " + Sysctl(side) + "), and locks the buffer.";
            }

            var text = "A " + lower + " buffer size of " + value + " is below the kernel minimum: Linux raises it to " + Units.Bytes(outcome.EffectiveBuffer);
            if (side == BufferSide.Receive && input.MaybeTcp)
            {
                text += ", a window of at most " + Units.Bytes(outcome.MaxWindowBefore) + "; at " + Units.Duration(input.Settings.Link.RttMicroseconds)
                    + " RTT one connection tops out at " + Units.Rate(outcome.MaxWindowBefore / input.Settings.Link.RttSeconds);
            }

            return text + ".";
        }

        /// <summary>SOCK004: the receive buffer is set after the connection exists.</summary>
        public static string AfterConnect(ConnectionTrigger trigger, BufferOutcome? outcome, RuleInput input)
        {
            var connect = input.Setting.ConnectCall?.TargetMethod.Name ?? input.Setting.ConnectedIn ?? "Connect";
            var library = input.Setting.Form.Library;
            var head = input.Setting.ShortName + trigger switch
            {
                ConnectionTrigger.Accept => " is set on an accepted socket: ",
                ConnectionTrigger.Constructor => " is set after new TcpClient(host, port) connected: ",
                ConnectionTrigger.Library => " is applied by " + library + " after it connects: ",
                _ => " is set after " + connect + ": ",
            };
            var advice = trigger switch
            {
                ConnectionTrigger.Accept => "; set it on the listener before Listen/Start: accepted sockets inherit it.",
                ConnectionTrigger.Constructor => "; create the TcpClient without host and port, set it, then call Connect.",
                ConnectionTrigger.Library => "; leave it unset so that autotuning sizes the buffer.",
                _ => "; set it before " + connect + ", or on the listener for accepted sockets.",
            };

            var profile = input.Profile;
            if (profile.Os != TargetOs.Linux)
            {
                return head + "the window scale was negotiated when the connection was established, so a larger buffer cannot raise the window beyond it; "
                    + "this is the documented rule (man 7 tcp), unverified on " + profile.Describe() + advice;
            }

            var clamp = Units.Bytes(outcome?.ClampAtEstablishment ?? ClampAtEstablishment(input));
            var asks = outcome == null
                ? ", so a larger configured size is never advertised"
                : ", so the " + Units.Bytes(outcome.MaxWindowBefore) + " window it asks for is never advertised";
            var why = profile.Era >= KernelEra.L611To615
                ? "on " + profile.Describe() + " a larger buffer reaches the window only if no full-sized segment has arrived yet; otherwise the window stays at the clamp fixed when the connection was established (" + clamp + ")"
                : "on " + profile.Describe() + " the window stays at the clamp fixed when the connection was established (" + clamp + ")";
            return head + why + asks + advice;
        }

        /// <summary>SOCK006: a configured size applied whatever its value.</summary>
        public static string Unconditional(long? shippedDefault, RuleInput input)
        {
            // Name the value as written (options.ReceiveBufferSize, size.Value) and advise the guard the fix writes, when they fit a sentence.
            var written = input.Setting.Value.Syntax.ToString();
            var name = Fits(written) ? written : null;
            var guard = input.Setting.Guard.Advice?.Condition;
            var advice = guard != null && Fits(guard) ? " (if (" + guard + "))" : string.Empty;
            var text = input.Setting.ShortName + " is set from " + (name ?? "a configured value") + " whatever its value, so no configuration leaves "
                + (input.Setting.Side == BufferSide.Receive ? "receive-window" : "send-buffer") + " autotuning on; apply it only when it is set" + advice + ".";
            if (shippedDefault is long value && value >= input.Profile.SmallestKeptValue(input.Setting.Side))
            {
                var outcome = input.Evaluate(bytes: value);
                text += " Its shipped default of " + Units.Bytes(value) + " gives everyone who keeps it a locked " + Units.Bytes(outcome.EffectiveBuffer)
                    + " buffer; at " + Units.Duration(input.Settings.Link.RttMicroseconds) + " RTT " + Units.Rate(outcome.ThroughputCap) + " per connection.";
            }

            return text;
        }

        /// <summary>SOCK007: a shipped default that reaches a buffer setter.</summary>
        public static string ShippedDefault(string member, long value, string setter, string owner, BufferOutcome outcome, AnalyzerSettings settings)
        {
            var rtt = Units.Duration(settings.Link.RttMicroseconds);
            var head = "Default of " + Units.Bytes(value) + " for " + member + " reaches " + setter + " in " + owner + ": everyone who keeps it gets ";
            if (settings.Profile.Os != TargetOs.Linux)
            {
                return head + "a fixed " + Units.Bytes(outcome.EffectiveBuffer) + " buffer on " + settings.Profile.Describe() + " and no autosizing; at " + rtt + " RTT "
                    + Units.Rate(outcome.ThroughputCap) + " per connection. Ship 0 and let the OS tune it.";
            }

            if (outcome.Request.Side == BufferSide.Receive)
            {
                return head + A(Adjective(outcome.EffectiveBuffer)) + " locked buffer, at most " + A(Adjective(outcome.MaxWindowBefore)) + " window and no autotuning to "
                    + Units.Bytes(outcome.AutotuneBufferCeiling) + "; at " + rtt + " RTT " + Units.Rate(outcome.ThroughputCap) + " per connection. Ship 0 and let the kernel tune it.";
            }

            return head + A(Adjective(outcome.EffectiveBuffer)) + " locked send buffer, about " + Units.Bytes(outcome.MaxWindow) + " in flight and no autotuning to "
                + Units.Bytes(outcome.AutotuneBufferCeiling) + "; at " + rtt + " RTT about " + Units.Rate(outcome.ThroughputCap) + " per connection. Ship 0 and let the kernel tune it.";
        }

        private static long ClampAtEstablishment(RuleInput input) =>
            input.Evaluate(SetTiming.AfterConnect, input.Profile.TcpRmem.Default).ClampAtEstablishment;

        private static bool Fits(string text) => text.Length <= 48 && text.IndexOf('\n') < 0;

        private static string Sysctl(BufferSide side) => side == BufferSide.Receive ? "net.core.rmem_max" : "net.core.wmem_max";

        private static string Side(BufferSide side) => side == BufferSide.Receive ? "Receive buffer" : "Send buffer";

        /// <summary>A size before a noun: "32 KiB", "33280-byte".</summary>
        private static string Adjective(long bytes)
        {
            var text = Units.Bytes(bytes);
            return text.EndsWith(" bytes", System.StringComparison.Ordinal) ? text.Substring(0, text.Length - 6) + "-byte" : text;
        }

        /// <summary>"a 32 KiB", "an 8 KiB", "an 11 KiB", "an 80 KiB".</summary>
        private static string A(string quantity)
        {
            var an = quantity.StartsWith("8", System.StringComparison.Ordinal)
                || ((quantity.StartsWith("11", System.StringComparison.Ordinal) || quantity.StartsWith("18", System.StringComparison.Ordinal))
                    && (quantity.Length == 2 || !char.IsDigit(quantity[2])));
            return (an ? "an " : "a ") + quantity;
        }
    }
}
