using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// Every rule of the package in one place: the per-setting rules, each deciding on the same <see cref="RuleInput"/>,
    /// and the compilation-end rules, which join what the run gathered. The analyzer's supported diagnostics come from here.
    /// </summary>
    internal static class RuleSet
    {
        /// <summary>SOCK001/002, SOCK003, SOCK004, SOCK005, SOCK006: decided per setting at the end of its type (live in the IDE).</summary>
        private static readonly ImmutableArray<Func<RuleInput, Diagnostic?>> PerSetting = ImmutableArray.Create<Func<RuleInput, Diagnostic?>>(
            FixedTcpBufferRule.Check,
            AboveKernelLimitRule.Check,
            ReceiveBufferAfterConnectRule.Check,
            NotPositiveOrBelowMinimumRule.Check,
            ConfiguredSizeUnconditionalRule.Check);

        /// <summary>SOCK900 (configuration errors), and what needs callers: forwarder calls, callers' sockets, SOCK007 (shipped defaults, with SOCK003 on them).</summary>
        private static readonly ImmutableArray<Action<CompilationAnalysisContext, AnalysisSession>> AtCompilationEnd = ImmutableArray.Create<Action<CompilationAnalysisContext, AnalysisSession>>(
            InvalidConfigurationRule.Report,
            Flow.CrossMethodJoin.Report);

        /// <summary>Every descriptor the rules above report.</summary>
        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
            Rules.Descriptors.SOCK001_FixedTcpReceiveBuffer,
            Rules.Descriptors.SOCK002_FixedTcpSendBuffer,
            Rules.Descriptors.SOCK003_AboveKernelLimit,
            Rules.Descriptors.SOCK004_ReceiveBufferAfterConnect,
            Rules.Descriptors.SOCK005_NotPositiveOrBelowMinimum,
            Rules.Descriptors.SOCK006_ConfiguredSizeUnconditional,
            Rules.Descriptors.SOCK007_ShippedDefaultFixesBuffer,
            Rules.Descriptors.SOCK900_InvalidConfiguration);

        public static IEnumerable<Diagnostic> Decide(RuleInput input)
        {
            foreach (var rule in PerSetting)
            {
                var diagnostic = rule(input);
                if (diagnostic != null)
                {
                    yield return diagnostic;
                }
            }
        }

        public static void ReportAtCompilationEnd(CompilationAnalysisContext context, AnalysisSession session)
        {
            foreach (var rule in AtCompilationEnd)
            {
                rule(context, session);
            }
        }
    }
}
