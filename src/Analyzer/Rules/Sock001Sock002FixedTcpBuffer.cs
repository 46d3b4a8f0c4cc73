using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// SOCK001 (receive) and SOCK002 (send): a constant size the kernel keeps, on a TCP or unknown socket,
    /// where autotuning would reach a larger window.
    /// </summary>
    internal static class FixedTcpBufferRule
    {
        /// <summary>
        /// The outcome when fixing this constant on a TCP socket gives up autotuning (shared with SOCK007), else null:
        /// not positive or below the floor is SOCK005's; above the macOS limit the call throws and SOCK003 says so.
        /// </summary>
        public static BufferOutcome? Cost(Detection.ModelCache cache, Configuration.AnalyzerSettings settings, BufferRequest request)
        {
            // A forced size (SO_RCVBUFFORCE) is not clamped: the model decides forgone on the value as written.
            var profile = settings.Profile;
            if (request.Value < profile.SmallestKeptValue(request.Side)
                || (profile.Os == TargetOs.MacOS && request.Value > profile.LimitFor(request.Side)))
            {
                return null;
            }

            var outcome = cache.Evaluate(settings, request);
            return outcome.AutotuningForgone ? outcome : null;
        }

        public static Diagnostic? Check(RuleInput input)
        {
            if (input.Value is not long value || !input.MaybeTcp)
            {
                return null;
            }

            var profile = input.Profile;
            var side = input.Setting.Side;
            var outcome = Cost(input.Cache, input.Settings, input.Setting.Request(value));
            if (outcome == null)
            {
                return null;
            }

            var descriptor = side == BufferSide.Receive ? Descriptors.SOCK001_FixedTcpReceiveBuffer : Descriptors.SOCK002_FixedTcpSendBuffer;
            // On macOS/Windows every kept size counts as forgone, so a resized value would be flagged again: only removal is offered.
            var properties = profile.Os == TargetOs.Linux ? FixFacts.Recommendation(input) : null;
            return Diagnostic.Create(descriptor, input.Setting.ValueLocation, properties, Messages.FixedBuffer(value, outcome, input.Settings));
        }
    }
}
