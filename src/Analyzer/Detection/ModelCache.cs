using System.Collections.Concurrent;
using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>Model results per distinct (settings, request), shared by every callback of one compilation.</summary>
    internal sealed class ModelCache
    {
        private readonly ConcurrentDictionary<(AnalyzerSettings, BufferRequest), BufferOutcome> _outcomes = new();
        private readonly ConcurrentDictionary<(AnalyzerSettings, BufferSide), LinkRecommendation> _recommendations = new();

        public BufferOutcome Evaluate(AnalyzerSettings settings, BufferRequest request) =>
            _outcomes.GetOrAdd((settings, request), key => WindowModel.Evaluate(key.Item1.Profile, key.Item2, key.Item1.Link));

        public LinkRecommendation Recommend(AnalyzerSettings settings, BufferSide side) =>
            _recommendations.GetOrAdd((settings, side), key => WindowModel.Recommend(key.Item1.Profile, key.Item2, key.Item1.Link));
    }
}
