using System;
using System.Globalization;
using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// Message texts, built from the model's numbers for the configured profile. Every message has one shape: what the
    /// kernel does with the setting, in plain words; the number that matters; what to do. The detail behind the numbers
    /// (window scale, clamp at establishment, segment reserve, the 6.11 rule) is on the rule's help page, never here.
    /// Sizes print in KiB/MiB (bytes only below 1 KiB), rates in Mbit/s or Gbit/s. UDP and other sockets never read TCP
    /// words (window, autotuning, per-connection rates).
    /// </summary>
    internal static class Messages
    {
        /// <summary>SOCK001/SOCK002: what a fixed size does and costs.</summary>
        public static string FixedBuffer(long value, BufferOutcome outcome, RuleInput input)
        {
            var settings = input.Settings;
            var side = outcome.Request.Side;
            var head = Subject(input.Setting.Form.Library, side) + " fixed at " + Units.Bytes(value) + Through(input.Setting.Via) + ": ";
            var rtt = Units.Duration(settings.Link.RttMicroseconds);
            const string advice = " Remove it or size it for the link.";

            switch (settings.Profile.Os)
            {
                case TargetOs.MacOS:
                    return head + "macOS keeps it as is (not doubled) and stops autosizing; one connection tops out at "
                        + Units.Rate(outcome.ThroughputCap) + " at " + rtt + " RTT." + advice;
                case TargetOs.Windows:
                    return head + "Windows keeps it as is and is widely reported (not documented) to stop auto-tuning; one connection then tops out at "
                        + Units.Rate(outcome.ThroughputCap) + " at " + rtt + " RTT." + advice;
            }

            // Set after the connection exists, the window stays where SOCK004 says: the cap is that window's.
            var cap = side == BufferSide.Receive && input.Setting.ConnectionExists
                ? input.Evaluate(SetTiming.AfterConnect, value).ThroughputCap
                : outcome.ThroughputCap;
            var autotuned = Units.Rate(outcome.AutotuneWindowCeiling / settings.Link.RttSeconds);

            // Clamped: SOCK003 says the cut and the doubling; this message says what is kept.
            var kept = (outcome.Clamped ? "keeps " : "doubles it to ") + Size(outcome.EffectiveBuffer);
            var overhead = side == BufferSide.Receive
                ? Overhead(settings.Profile, outcome.EffectiveBuffer)
                : Fraction(1 - (outcome.MaxWindow / (double)Math.Max(1, outcome.EffectiveBuffer)));
            return head + "Linux " + kept + " (" + overhead + " is" + " overhead) and stops autotuning; one connection tops out at "
                + (side == BufferSide.Send ? "~" : string.Empty) + Units.Rate(cap) + " at " + rtt + " RTT (autotuned: " + autotuned + ")." + advice;
        }

        /// <summary>SOCK003: above rmem_max/wmem_max (Linux), or the macOS limit.</summary>
        public static string AboveLimit(long value, BufferOutcome outcome, KernelProfile profile, string? via = null, string? library = null)
        {
            var side = outcome.Request.Side;
            var head = Subject(library, side) + " of " + Units.Bytes(value) + Through(via) + " is above ";
            if (profile.Os == TargetOs.MacOS)
            {
                return head + "the macOS limit of " + Size(outcome.Limit) + ": the call throws SocketException (ENOBUFS). Lower the value or raise kern.ipc.maxsockbuf (now "
                    + Size(profile.MacMaxSockBuf) + ").";
            }

            head += Sysctl(side) + " (" + Size(outcome.Limit) + "): ";
            if (outcome.Request.Force)
            {
                var option = side == BufferSide.Receive ? "SO_RCVBUFFORCE" : "SO_SNDBUFFORCE";
                return head + option + " passes it only with CAP_NET_ADMIN (Linux then keeps " + Size(outcome.EffectiveBuffer)
                    + "); else the call throws SocketException (EPERM). Lower it or grant CAP_NET_ADMIN.";
            }

            return head + "Linux silently cuts it to " + Size(outcome.Limit) + " (" + Size(outcome.EffectiveBuffer) + " once doubled). Raise the sysctl or lower the value.";
        }

        /// <summary>SOCK005: negative, zero, or below the kernel floor.</summary>
        public static string NotPositiveOrBelowMinimum(long value, BufferOutcome outcome, RuleInput input)
        {
            var side = input.Setting.Side;
            var subject = Subject(input.Setting.Form.Library, side) + " set to " + Amount(value) + Through(input.Setting.Via) + ": ";
            var tcp = input.MaybeTcp;
            if (outcome.ManagedThrow)
            {
                return input.Setting.ShortName + " = " + value.ToString(CultureInfo.InvariantCulture) + Through(input.Setting.Via)
                    + " throws ArgumentOutOfRangeException: Socket rejects negative sizes before any system call. Remove it or use a positive size.";
            }

            switch (input.Profile.Os)
            {
                case TargetOs.MacOS:
                    return subject + "macOS rejects it and the call throws SocketException (EINVAL). Remove it or use a positive size.";
                case TargetOs.Windows:
                    return value < 0
                        ? subject + "Windows is documented to reject it (WSAEINVAL, unverified). Remove it or use a positive size."
                        : subject + "Windows then keeps no " + (side == BufferSide.Receive ? "receive" : "send") + " buffer and data waits in the stack; only SendBufferSize = 0 is a documented idiom. Remove it.";
            }

            if (value < 0 && !input.Setting.Force)
            {
                return subject + "Linux reads it as a huge number, so the buffer " + (tcp ? "is locked at" : "takes") + " the maximum, " + Size(outcome.EffectiveBuffer)
                    + " (twice " + Sysctl(side) + ")" + (tcp ? ". Remove it." : ". Remove it or set the size you need.");
            }

            var raised = subject + "Linux raises it to the minimum, " + Size(outcome.EffectiveBuffer);
            if (!tcp)
            {
                return raised + ", a buffer that holds almost nothing. Remove it or set the size you need.";
            }

            var rtt = Units.Duration(input.Settings.Link.RttMicroseconds);
            return side == BufferSide.Receive
                ? raised + ", and locks it there; one connection tops out at " + Units.Rate(outcome.MaxWindowBefore / input.Settings.Link.RttSeconds) + " at " + rtt + " RTT. Remove it to keep autotuning."
                : raised + ", and locks it there; one connection tops out at ~" + Units.Rate(outcome.ThroughputCap) + " at " + rtt + " RTT. Remove it to keep autotuning.";
        }

        /// <summary>SOCK004: the receive buffer is set after the connection exists.</summary>
        public static string AfterConnect(ConnectionTrigger trigger, BufferOutcome? outcome, RuleInput input)
        {
            // The connect call in the same method first; else the caller that connected (cross-method analysis).
            var setting = input.Setting;
            var connect = setting.ConnectCall?.TargetMethod.Name ?? setting.ConnectedIn ?? "Connect";
            var head = setting.ShortName + Through(setting.Via) + trigger switch
            {
                ConnectionTrigger.Accept => setting.ConnectedIn != null ? " is set on a socket from " + setting.ConnectedIn : " is set on an accepted socket",
                ConnectionTrigger.Constructor => " is set after TcpClient(host, port) connected",
                ConnectionTrigger.Library => " is applied by " + (setting.Form.Library ?? "the library") + " after it connects",
                _ => " is set after " + connect,
            } + ", too late: ";
            var advice = trigger switch
            {
                ConnectionTrigger.Accept => " Set it on the listener before it starts; accepted sockets inherit it.",
                ConnectionTrigger.Constructor => " Create it without host and port, set it, then Connect.",
                ConnectionTrigger.Library => " Leave it unset so that autotuning sizes the buffer.",
                _ => " Set it before " + connect + ".",
            };

            var profile = input.Profile;
            if (profile.Os != TargetOs.Linux)
            {
                return head + "the connection agreed its window scale when it was made, so a larger buffer may not widen the window (documented rule, unverified on "
                    + profile.Describe() + ")." + advice;
            }

            // The window stays at the limit fixed when the connection was made (before 6.11 always; from 6.11 once a full segment arrived).
            var clamp = Size(outcome?.ClampAtEstablishment ?? ClampAtEstablishment(input));
            var when = profile.Era >= KernelEra.L611To615 ? " once data has arrived" : string.Empty;
            var instead = outcome == null ? when + ", whatever size is configured" : " instead of " + Size(outcome.MaxWindowBefore) + when;
            return head + "on " + profile.Describe() + " the connection's window stays at " + clamp + instead + "." + advice;
        }

        /// <summary>SOCK006: a configured size applied whatever its value.</summary>
        public static string Unconditional(long? shippedDefault, RuleInput input)
        {
            // Name the value as written (options.ReceiveBufferSize, size.Value) and advise the guard the fix writes, when they fit a sentence.
            var written = input.Setting.Value.Syntax.ToString();
            var name = Fits(written) ? written : "a configured value";
            var guard = input.Setting.Guard.Advice?.Condition;
            var advice = guard != null && Fits(guard) ? " Apply it only when set: if (" + guard + ")." : " Apply it only when it is set.";
            var text = input.Setting.ShortName + " is set from " + name + Through(input.Setting.Via)
                + " whatever its value, and any size stops autotuning." + advice;
            if (shippedDefault is long value && value >= input.Profile.SmallestKeptValue(input.Setting.Side))
            {
                var outcome = input.Evaluate(bytes: value);
                text += " Its default, " + Units.Bytes(value) + ", caps everyone at " + (input.Setting.Side == BufferSide.Send ? "~" : string.Empty) + Units.Rate(outcome.ThroughputCap) + " per connection.";
            }

            return text;
        }

        /// <summary>SOCK007: a shipped default that reaches a buffer setter.</summary>
        public static string ShippedDefault(string member, long value, string setter, string owner, BufferOutcome outcome, AnalyzerSettings settings, string? via = null)
        {
            var rtt = Units.Duration(settings.Link.RttMicroseconds);
            var head = "Default of " + Units.Bytes(value) + " for " + member + " reaches " + setter + Through(via) + " in " + owner + ": ";
            var send = outcome.Request.Side == BufferSide.Send;
            var rate = (send ? "~" : string.Empty) + Units.Rate(outcome.ThroughputCap) + " per connection at " + rtt + " RTT";
            if (settings.Profile.Os != TargetOs.Linux)
            {
                return head + settings.Profile.Describe() + " keeps it as is and stops autosizing, capping its users at " + rate + ". Ship 0 so the OS tunes it.";
            }

            return head + "Linux " + (outcome.Clamped ? "keeps " : "doubles it to ") + Size(outcome.EffectiveBuffer)
                + " and stops autotuning, capping its users at " + rate + ". Ship 0 so the kernel tunes it.";
        }

        /// <summary>A size the kernel computes, as messages print it: "64 KiB", "7 MiB" when exact; "84.5 KiB", "~7.11 MiB" (3 significant digits) otherwise; bytes below 1 KiB.</summary>
        internal static string Size(long bytes)
        {
            const long KiB = 1024;
            const long MiB = 1024 * 1024;
            var magnitude = Math.Abs(bytes);
            if (magnitude < KiB || (bytes % KiB == 0 && magnitude < MiB) || bytes % MiB == 0)
            {
                return Units.Bytes(bytes);
            }

            // Rounded to 3 significant digits; "~" where that drops something (10816 bytes is "~10.6 KiB", 86528 is "84.5 KiB").
            var unit = magnitude >= MiB ? MiB : KiB;
            var text = Significant(bytes / (double)unit);
            var exact = double.Parse(text, CultureInfo.InvariantCulture) * unit == bytes;
            return (exact ? string.Empty : "~") + text + (unit == MiB ? " MiB" : " KiB");
        }

        /// <summary>The part of the doubled receive buffer Linux keeps as overhead (not window), from the model's ratio for a locked buffer.</summary>
        internal static string Overhead(KernelProfile profile, long buffer)
        {
            if (buffer <= 0)
            {
                return "half";
            }

            return Fraction(1 - (WindowModel.WindowFromSpace(profile, buffer, profile.RatioLocked) / (double)buffer));
        }

        /// <summary>A part of the buffer in plain words: "half", "a quarter", "a third", else "N %".</summary>
        private static string Fraction(double part)
        {
            if (Math.Abs(part - 0.5) < 0.02)
            {
                return "half";
            }

            if (Math.Abs(part - 0.25) < 0.02)
            {
                return "a quarter";
            }

            return Math.Abs(part - (1 / 3.0)) < 0.02 ? "a third" : Math.Round(part * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
        }

        /// <summary>" through CrossPlatformSocket.ReceiveBufferSize" for a value that reaches the setter through a forwarder.</summary>
        internal static string Through(string? via) => via == null ? string.Empty : " through " + via;

        private static string Significant(double value) =>
            value >= 100 ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
            : value >= 10 ? Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture)
            : Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

        /// <summary>"Receive buffer", "Send buffer", or with a library: "NetMQ receive buffer".</summary>
        private static string Subject(string? library, BufferSide side)
        {
            var noun = side == BufferSide.Receive ? "receive buffer" : "send buffer";
            return library != null ? library + " " + noun : char.ToUpperInvariant(noun[0]) + noun.Substring(1);
        }

        /// <summary>A written value: "0", "-1", "512 bytes", "8 KiB".</summary>
        private static string Amount(long value) => value <= 0 ? value.ToString(CultureInfo.InvariantCulture) : Units.Bytes(value);

        private static long ClampAtEstablishment(RuleInput input) =>
            input.Evaluate(SetTiming.AfterConnect, input.Profile.TcpRmem.Default).ClampAtEstablishment;

        private static bool Fits(string text) => text.Length <= 48 && text.IndexOf('\n') < 0;

        private static string Sysctl(BufferSide side) => side == BufferSide.Receive ? "net.core.rmem_max" : "net.core.wmem_max";
    }
}
