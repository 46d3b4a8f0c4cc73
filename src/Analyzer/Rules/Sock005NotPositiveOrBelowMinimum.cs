using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>SOCK005: a constant below 0, 0, or so small that the kernel raises it to its floor; any socket kind.</summary>
    internal static class NotPositiveOrBelowMinimumRule
    {
        public static Diagnostic? Check(RuleInput input)
        {
            if (input.Value is not long value || input.Setting.CompoundOperator != null)
            {
                return null;
            }

            var profile = input.Profile;
            var side = input.Setting.Side;
            if (value >= profile.SmallestKeptValue(side) && value > 0)
            {
                return null;
            }

            // SO_SNDBUF = 0 on Windows asks for no-copy sends: an idiom, not a mistake.
            if (profile.Os == TargetOs.Windows && side == BufferSide.Send && value == 0)
            {
                return null;
            }

            var outcome = input.Evaluate();
            return Diagnostic.Create(Descriptors.SOCK005_NotPositiveOrBelowMinimum, input.Setting.ValueLocation, Messages.NotPositiveOrBelowMinimum(value, outcome, input));
        }
    }
}
