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
        public static Diagnostic? Check(RuleInput input)
        {
            if (input.Value is not long value || !input.MaybeTcp || input.Setting.Force)
            {
                return null;
            }

            var profile = input.Profile;
            var side = input.Setting.Side;

            // Not positive or below the floor: SOCK005. Above the macOS limit: the call throws, SOCK003 says so.
            if (value < profile.SmallestKeptValue(side) || (profile.Os == TargetOs.MacOS && value > profile.LimitFor(side)))
            {
                return null;
            }

            var outcome = input.Evaluate();
            if (!outcome.AutotuningForgone)
            {
                return null;
            }

            var descriptor = side == BufferSide.Receive ? Descriptors.SOCK001_FixedTcpReceiveBuffer : Descriptors.SOCK002_FixedTcpSendBuffer;
            // On macOS/Windows every kept size counts as forgone, so a resized value would be flagged again: only removal is offered.
            var properties = profile.Os == TargetOs.Linux ? LinkRecommendationProperties.For(input) : null;
            return Diagnostic.Create(descriptor, input.Setting.ValueLocation, properties, Messages.FixedBuffer(value, outcome, input.Settings));
        }
    }
}
