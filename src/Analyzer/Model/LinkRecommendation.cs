namespace SocketBufferAnalyzers.Model
{
    /// <summary>What the model recommends for a link (docs/rules/window-model.md, "Window, scale and throughput").</summary>
    public sealed class LinkRecommendation
    {
        internal LinkRecommendation(RecommendationKind kind, long bdp, long requiredValue, long value, long autotuneWindowCeiling, LinkProfile link)
        {
            Kind = kind;
            BdpBytes = bdp;
            RequiredValue = requiredValue;
            Value = value;
            AutotuneWindowCeiling = autotuneWindowCeiling;
            Link = link;
        }

        public RecommendationKind Kind { get; }

        public long BdpBytes { get; }

        /// <summary>The value to pass so that the locked window covers the bandwidth-delay product (recommendV).</summary>
        public long RequiredValue { get; }

        /// <summary><see cref="RequiredValue"/> capped at the kernel limit: the value a "size it for the link" fix writes.</summary>
        public long Value { get; }

        public long AutotuneWindowCeiling { get; }

        public LinkProfile Link { get; }
    }
}
