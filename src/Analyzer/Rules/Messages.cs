using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>Message texts, built from the model's numbers for the configured profile (rules.md, "Messages carry the model's numbers").</summary>
    internal static class Messages
    {
        /// <summary>SOCK001/SOCK002: what a fixed size costs.</summary>
        public static string FixedBuffer(long value, BufferOutcome outcome, AnalyzerSettings settings)
        {
            var side = outcome.Request.Side;
            var what = side == BufferSide.Receive ? "Receive buffer" : "Send buffer";
            var rtt = Units.Duration(settings.Link.RttMicroseconds);
            var cap = Units.Rate(outcome.ThroughputCap);
            var head = what + " fixed at " + Units.Bytes(value) + ": ";

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
                    + A(Units.Bytes(outcome.MaxWindowBefore)) + " window and stops autotuning that could grow the buffer to "
                    + Units.Bytes(outcome.AutotuneBufferCeiling) + "; at " + rtt + " RTT one connection tops out at " + cap + ".";
            }

            return head + "Linux allocates " + Units.Bytes(outcome.EffectiveBuffer) + ", keeps at most about "
                + Units.Bytes(outcome.MaxWindow) + " in flight and stops autotuning that could grow the buffer to "
                + Units.Bytes(outcome.AutotuneBufferCeiling) + "; at " + rtt + " RTT one connection tops out at about " + cap + ".";
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
