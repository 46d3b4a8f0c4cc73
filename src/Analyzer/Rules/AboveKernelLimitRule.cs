using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>SOCK003: a constant, compared as written, above the kernel limit, on any socket kind (UDP included).</summary>
    internal static class AboveKernelLimitRule
    {
        public static Diagnostic? Check(RuleInput input)
        {
            // Compound assignments are not "as written"; negative constants belong to SOCK005.
            if (input.Value is not long value || input.Setting.CompoundOperator != null || value < 0)
            {
                return null;
            }

            var limit = input.Profile.LimitFor(input.Setting.Side);
            if (input.Profile.Os == TargetOs.Windows || value <= limit)
            {
                return null;
            }

            var outcome = input.Evaluate();
            return Diagnostic.Create(Descriptors.SOCK003_AboveKernelLimit, input.Setting.ValueLocation, LinkRecommendationProperties.For(input), Messages.AboveLimit(value, outcome, input.Profile));
        }
    }
}
