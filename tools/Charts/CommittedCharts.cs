using System;
using System.Collections.Generic;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Charts
{
    /// <summary>One chart committed under docs/images: where it lives and how it is drawn.</summary>
    public sealed class CommittedChart
    {
        private readonly Func<string> _render;

        internal CommittedChart(string relativePath, Func<string> render)
        {
            RelativePath = relativePath;
            _render = render;
        }

        /// <summary>The path from the repository root, with '/' separators.</summary>
        public string RelativePath { get; }

        public string Render() => _render();
    }

    /// <summary>The charts the README and the rule pages show: the default profile (Linux 6.1, stock sysctls), 1 Gbit/s at 50 ms.</summary>
    public static class CommittedCharts
    {
        public const string Folder = "docs/images";

        /// <summary>What to run from the repository root when a committed chart no longer matches the model.</summary>
        public const string RegenerateCommand = "dotnet run --project tools/Charts.Generate";

        public static IReadOnlyList<CommittedChart> All { get; } = new[]
        {
            Chart(BufferSide.Receive, SetTiming.BeforeConnect),
            Chart(BufferSide.Send, SetTiming.BeforeConnect),
            Chart(BufferSide.Receive, SetTiming.AfterConnect),
        };

        private static CommittedChart Chart(BufferSide side, SetTiming timing) =>
            new CommittedChart(
                Folder + "/" + ThroughputChart.FileName(KernelProfile.Default, side, timing),
                () => ThroughputChart.Render(KernelProfile.Default, side, LinkProfile.Default, timing));
    }
}
