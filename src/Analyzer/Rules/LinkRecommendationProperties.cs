using System.Collections.Immutable;
using System.Globalization;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// The "Size it for the link" fix's input, carried in diagnostic properties: the model's bandwidth-delay value for the
    /// configured link, capped at the kernel limit. Absent when removing the setting serves the link better.
    /// </summary>
    internal static class LinkRecommendationProperties
    {
        public const string ValueProperty = "RecommendedValue";
        public const string LinkProperty = "Link";

        public static ImmutableDictionary<string, string?> For(RuleInput input)
        {
            var side = input.Setting.Side;
            var recommendation = input.Cache.Recommend(input.Settings, side);
            var value = recommendation.Value;
            if (value <= 0 || value == input.Value)
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            if (input.MaybeTcp)
            {
                if (recommendation.Kind == RecommendationKind.RemoveSetting)
                {
                    return ImmutableDictionary<string, string?>.Empty;
                }

                // A locked size only helps when its window beats what autotuning reaches on its own.
                var outcome = input.Cache.Evaluate(input.Settings, new BufferRequest(value, side, input.Kind, SetTiming.BeforeConnect, input.Setting.Api));
                if (input.Profile.Os == TargetOs.Linux && outcome.MaxWindowBefore <= outcome.AutotuneWindowCeiling)
                {
                    return ImmutableDictionary<string, string?>.Empty;
                }
            }

            return ImmutableDictionary<string, string?>.Empty
                .Add(ValueProperty, value.ToString(CultureInfo.InvariantCulture))
                .Add(LinkProperty, input.Settings.Link.ToString());
        }
    }
}
