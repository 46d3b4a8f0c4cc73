namespace SocketBufferAnalyzers.Rules
{
    /// <summary>The "Size it for the link" property keys (kept for the fixes; see <see cref="FixFacts"/>).</summary>
    internal static class LinkRecommendationProperties
    {
        public const string ValueProperty = FixFacts.RecommendedValueKey;
        public const string LinkProperty = FixFacts.LinkKey;
    }
}
