using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>The per-setting rules, each deciding on the same <see cref="RuleInput"/>.</summary>
    internal static class RuleSet
    {
        private static readonly Func<RuleInput, Diagnostic?>[] Rules =
        {
            FixedTcpBufferRule.Check,
            AboveKernelLimitRule.Check,
            ReceiveBufferAfterConnectRule.Check,
            NotPositiveOrBelowMinimumRule.Check,
            ConfiguredSizeUnconditionalRule.Check,
        };

        public static IEnumerable<Diagnostic> Decide(RuleInput input)
        {
            foreach (var rule in Rules)
            {
                var diagnostic = rule(input);
                if (diagnostic != null)
                {
                    yield return diagnostic;
                }
            }
        }
    }
}
