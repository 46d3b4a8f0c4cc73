using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>What established a connection before a receive setting (SOCK004).</summary>
    internal enum ConnectionTrigger
    {
        /// <summary>A connect call in the same method; the diagnostic's first additional location is that call.</summary>
        Connect,

        /// <summary>The socket was accepted: the listener is where the size belongs.</summary>
        Accept,

        /// <summary><c>new TcpClient(host, port)</c> connected in its constructor.</summary>
        Constructor,

        /// <summary>A client library applies the knob to sockets it has already connected.</summary>
        Library,

        /// <summary>A caller connected the socket before calling the member that sets it (BufferSetting.ConnectedIn names it).</summary>
        Caller,
    }

    /// <summary>
    /// The facts the analyzer hands to the fixes, written and read through one typed helper: diagnostic property keys
    /// and values live here only. Locations travel as the diagnostic's additional locations (the connect call for SOCK004,
    /// the tested expression for SOCK006).
    /// </summary>
    internal static class FixFacts
    {
        public const string RecommendedValueKey = "RecommendedValue";
        public const string LinkKey = "Link";
        public const string TriggerKey = "Trigger";
        public const string AllGuardedKey = "AllGuarded";
        public const string GuardConditionKey = "GuardCondition";

        private static readonly ImmutableDictionary<string, string?> None = ImmutableDictionary<string, string?>.Empty;

        /// <summary>"Size it for the link": the model's bandwidth-delay value, absent when removing the setting serves the link better.</summary>
        public static ImmutableDictionary<string, string?> Recommendation(RuleInput input)
        {
            var side = input.Setting.Side;
            var recommendation = input.Cache.Recommend(input.Settings, side);
            var value = recommendation.Value;
            if (value <= 0 || value == input.Value)
            {
                return None;
            }

            if (input.MaybeTcp)
            {
                if (recommendation.Kind == RecommendationKind.RemoveSetting)
                {
                    return None;
                }

                // A locked size only helps when its window beats what autotuning reaches on its own.
                var outcome = input.Evaluate(bytes: value);
                if (input.Profile.Os == TargetOs.Linux && outcome.MaxWindowBefore <= outcome.AutotuneWindowCeiling)
                {
                    return None;
                }
            }

            return None
                .Add(RecommendedValueKey, value.ToString(CultureInfo.InvariantCulture))
                .Add(LinkKey, input.Settings.Link.ToString());
        }

        public static ImmutableDictionary<string, string?> Connection(ConnectionTrigger trigger) => None.Add(TriggerKey, trigger.ToString());

        /// <summary>SOCK007: whether every setter the default reaches is guarded so that 0 never reaches it ("Ship no fixed default" is safe).</summary>
        public static ImmutableDictionary<string, string?> ShippedDefault(bool everySetterExcludesZero) => None.Add(AllGuardedKey, everySetterExcludesZero ? "true" : "false");

        /// <summary>SOCK006: the condition the fix writes, the same text the message advises.</summary>
        public static ImmutableDictionary<string, string?>? GuardCondition(Detection.GuardAdvice? advice) =>
            advice == null ? null : None.Add(GuardConditionKey, advice.Condition);

        public static bool TryGetRecommendation(Diagnostic diagnostic, out long value, out string link)
        {
            value = 0;
            link = string.Empty;
            if (!diagnostic.Properties.TryGetValue(RecommendedValueKey, out var text) || text == null
                || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value)
                || !diagnostic.Properties.TryGetValue(LinkKey, out var linkText) || linkText == null)
            {
                return false;
            }

            link = linkText;
            return true;
        }

        public static ConnectionTrigger? Trigger(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(TriggerKey, out var text) && System.Enum.TryParse<ConnectionTrigger>(text, out var trigger) ? trigger : null;

        /// <summary>The connect call a SOCK004 setting follows, when it is in the same method.</summary>
        public static Location? ConnectCall(Diagnostic diagnostic) =>
            Trigger(diagnostic) == ConnectionTrigger.Connect && diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : null;

        public static bool EverySetterExcludesZero(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(AllGuardedKey, out var text) && text == "true";

        public static string? Guard(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(GuardConditionKey, out var text) ? text : null;
    }
}
