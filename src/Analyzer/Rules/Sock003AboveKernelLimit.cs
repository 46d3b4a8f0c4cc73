using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>SOCK003: a constant, compared as written, above the kernel limit, on any socket kind (UDP included).</summary>
    internal static class AboveKernelLimitRule
    {
        /// <summary>Above rmem_max/wmem_max (Linux) or the macOS limit; Windows documents no limit (shared with SOCK007's initializer check).</summary>
        public static bool IsAbove(KernelProfile profile, BufferSide side, long value) =>
            profile.Os != TargetOs.Windows && value > profile.LimitFor(side);

        public static Diagnostic? Check(RuleInput input)
        {
            // Compound assignments are not "as written"; negative constants belong to SOCK005.
            if (input.Value is not long value || input.Setting.CompoundOperator != null || value < 0)
            {
                return null;
            }

            if (!IsAbove(input.Profile, input.Setting.Side, value))
            {
                return null;
            }

            var outcome = input.Evaluate();
            return Diagnostic.Create(Descriptors.SOCK003_AboveKernelLimit, input.Setting.ValueLocation, FixFacts.Recommendation(input), Messages.AboveLimit(value, outcome, input.Profile));
        }
    }
}
