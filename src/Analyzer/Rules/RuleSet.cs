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
            Flow.CrossMethodJoin.Report,
            (context, session) => session.LibraryDefaults.Report(context, session));

        /// <summary>Every descriptor the rules above report.</summary>
        public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = ImmutableArray.Create(
            Rules.Descriptors.SOCK001_FixedTcpReceiveBuffer,
            Rules.Descriptors.SOCK002_FixedTcpSendBuffer,
            Rules.Descriptors.SOCK003_AboveKernelLimit,
            Rules.Descriptors.SOCK004_ReceiveBufferAfterConnect,
            Rules.Descriptors.SOCK005_NotPositiveOrBelowMinimum,
            Rules.Descriptors.SOCK006_ConfiguredSizeUnconditional,
            Rules.Descriptors.SOCK007_ShippedDefaultFixesBuffer,
            Rules.Descriptors.SOCK008_LibraryDefaultFixesBuffers,
            Rules.Descriptors.SOCK900_InvalidConfiguration);

        public static IEnumerable<Diagnostic> Decide(RuleInput input)
        {
            // A constant the library reads as "not set" (0 for NetMQ, <= 0 for Npgsql) reaches no socket.
            var setting = input.Setting;
            if (setting.Constant is long constant && setting.CompoundOperator == null && setting.Form.MeansUnset(constant))
            {
                yield break;
            }

            foreach (var rule in PerSetting)
            {
                var diagnostic = rule(input);
                if (diagnostic != null)
                {
                    yield return ForKnob(diagnostic, setting);
                }
            }
        }

        /// <summary>
        /// A knob's diagnostic names the library and its knob first ("MQTTnet, MqttClientTcpOptions.BufferSize: …") unless the text already
        /// names the library, and its recommended value is in the knob's unit (KiB for Hazelcast); a value written as text (a connection
        /// string, a Kafka value) gets no recommended number, which the "size it for the link" fix would write as an int.
        /// </summary>
        private static Diagnostic ForKnob(Diagnostic diagnostic, Detection.BufferSetting setting)
        {
            var form = setting.Form;
            if (form.Library is not { } library)
            {
                return diagnostic;
            }

            var properties = diagnostic.Properties;
            if (properties.TryGetValue(FixFacts.RecommendedValueKey, out var text)
                && long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var bytes))
            {
                properties = form.ValueSyntax != Catalog.ValueSyntax.Number
                    ? properties.Remove(FixFacts.RecommendedValueKey).Remove(FixFacts.LinkKey)
                    : properties.SetItem(FixFacts.RecommendedValueKey, ((bytes + (long)form.Unit - 1) / (long)form.Unit).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (message.IndexOf(library, StringComparison.Ordinal) < 0)
            {
                message = library + ", " + setting.SetterName + ": " + message;
            }

            return Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, diagnostic.AdditionalLocations, properties, message);
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
