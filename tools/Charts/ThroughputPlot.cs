using System;
using System.Collections.Generic;
using System.Linq;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Charts
{
    /// <summary>One point of a line: a round-trip time and what one connection tops out at there.</summary>
    public readonly struct ThroughputPoint
    {
        public ThroughputPoint(long rttMicroseconds, double bytesPerSecond)
        {
            RttMicroseconds = rttMicroseconds;
            BytesPerSecond = bytesPerSecond;
        }

        public long RttMicroseconds { get; }

        public double BytesPerSecond { get; }
    }

    /// <summary>
    /// One line of the chart: the fixed sizes that give the same window (a size above the kernel limit lands on the
    /// limit's line), or the autotuned ceiling when <see cref="Sizes"/> is empty.
    /// </summary>
    public sealed class ThroughputSeries
    {
        internal ThroughputSeries(IReadOnlyList<long> sizes, long window, string? reason, IReadOnlyList<ThroughputPoint> points)
        {
            Sizes = sizes;
            Window = window;
            Reason = reason;
            Points = points;
        }

        /// <summary>The sizes set (SO_RCVBUF / SO_SNDBUF values); empty for the autotuned ceiling.</summary>
        public IReadOnlyList<long> Sizes { get; }

        public bool IsAutotuned => Sizes.Count == 0;

        /// <summary>The model's largest window (receive) or payload in flight (send), in bytes.</summary>
        public long Window { get; }

        /// <summary>Why the window is smaller than the size asked for ("clamped at rmem_max"), if it is.</summary>
        public string? Reason { get; }

        public IReadOnlyList<ThroughputPoint> Points { get; }
    }

    /// <summary>The numbers behind a throughput chart, all from <see cref="WindowModel.Evaluate"/>.</summary>
    public sealed class ThroughputPlot
    {
        private ThroughputPlot(
            KernelProfile profile,
            BufferSide side,
            SetTiming timing,
            LinkProfile link,
            long minRttMicroseconds,
            long maxRttMicroseconds,
            IReadOnlyList<ThroughputSeries> series)
        {
            Profile = profile;
            Side = side;
            Timing = timing;
            Link = link;
            MinRttMicroseconds = minRttMicroseconds;
            MaxRttMicroseconds = maxRttMicroseconds;
            Series = series;
        }

        /// <summary>The sizes drawn unless others are asked for: 8 KiB, 64 KiB, 256 KiB and 1 MiB.</summary>
        public static IReadOnlyList<long> DefaultSizes { get; } = new long[] { 8 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024 };

        public KernelProfile Profile { get; }

        public BufferSide Side { get; }

        public SetTiming Timing { get; }

        /// <summary>The link whose RTT is marked and whose bandwidth is drawn.</summary>
        public LinkProfile Link { get; }

        public long MinRttMicroseconds { get; }

        public long MaxRttMicroseconds { get; }

        /// <summary>The autotuned ceiling first (when the model has one), then the fixed sizes, largest window first.</summary>
        public IReadOnlyList<ThroughputSeries> Series { get; }

        /// <summary>
        /// Evaluates the model for each size at RTTs from 1 ms to 300 ms (widened to include the link's RTT).
        /// Sizes that give the same window share one line.
        /// </summary>
        public static ThroughputPlot Compute(
            KernelProfile profile,
            BufferSide side,
            LinkProfile link,
            SetTiming timing = SetTiming.BeforeConnect,
            IReadOnlyList<long>? sizes = null)
        {
            if (profile == null)
            {
                throw new ArgumentNullException(nameof(profile));
            }

            if (link.RttMicroseconds <= 0 || link.BitsPerSecond <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(link), "The link needs a positive RTT and bandwidth.");
            }

            var minRtt = Math.Min(1000, NiceFloor(link.RttMicroseconds));
            var maxRtt = Math.Max(300_000, NiceCeiling(link.RttMicroseconds));
            var rtts = SampleRtts(minRtt, maxRtt, link.RttMicroseconds);

            var groups = new List<(List<long> Sizes, long Window, string? Reason)>();
            foreach (var size in (sizes ?? DefaultSizes).Distinct().OrderBy(s => s))
            {
                var outcome = WindowModel.Evaluate(profile, Request(size, side, timing), link);
                if (outcome.ManagedThrow || outcome.OsError != null || outcome.MaxWindow <= 0)
                {
                    continue;
                }

                var reason = ReasonFor(profile, side, timing, outcome);
                var group = groups.FindIndex(g => g.Window == outcome.MaxWindow);
                if (group < 0)
                {
                    groups.Add((new List<long> { size }, outcome.MaxWindow, reason));
                }
                else
                {
                    var existing = groups[group];
                    existing.Sizes.Add(size);
                    groups[group] = (existing.Sizes, existing.Window, existing.Reason ?? reason);
                }
            }

            var series = new List<ThroughputSeries>();
            var probe = WindowModel.Evaluate(profile, Request(DefaultSizes[0], side, timing), link);
            if (profile.Os == TargetOs.Linux && probe.AutotuneWindowCeiling > 0)
            {
                // The ceiling is the same for every request: the window autotuning reaches on an unlocked socket.
                var points = rtts
                    .Select(rtt => new ThroughputPoint(rtt, WindowModel.Evaluate(profile, Request(DefaultSizes[0], side, timing), WithRtt(link, rtt)).AutotuneWindowCeiling / (rtt / 1e6)))
                    .ToList();
                series.Add(new ThroughputSeries(Array.Empty<long>(), probe.AutotuneWindowCeiling, null, points));
            }

            foreach (var group in groups.OrderByDescending(g => g.Window))
            {
                var size = group.Sizes[0];
                var points = rtts
                    .Select(rtt => new ThroughputPoint(rtt, WindowModel.Evaluate(profile, Request(size, side, timing), WithRtt(link, rtt)).ThroughputCap))
                    .ToList();
                series.Add(new ThroughputSeries(group.Sizes, group.Window, group.Reason, points));
            }

            return new ThroughputPlot(profile, side, timing, link, minRtt, maxRtt, series);
        }

        private static BufferRequest Request(long size, BufferSide side, SetTiming timing) =>
            new BufferRequest(size, side, SocketKind.Tcp, side == BufferSide.Receive ? timing : SetTiming.BeforeConnect);

        private static LinkProfile WithRtt(LinkProfile link, long rttMicroseconds) => new LinkProfile(link.BitsPerSecond, rttMicroseconds);

        private static string? ReasonFor(KernelProfile profile, BufferSide side, SetTiming timing, BufferOutcome outcome)
        {
            if (side == BufferSide.Receive && timing == SetTiming.AfterConnect && outcome.MaxWindowAfter < outcome.MaxWindowBefore)
            {
                return "held at the clamp fixed at connect";
            }

            if (outcome.Clamped && profile.Os == TargetOs.Linux)
            {
                return "clamped at " + (side == BufferSide.Receive ? "rmem_max" : "wmem_max");
            }

            return null;
        }

        /// <summary>RTTs at 1, 1.5, 2, 3, 5 and 7 per decade, plus the ends and the link's RTT, in microseconds.</summary>
        private static IReadOnlyList<long> SampleRtts(long min, long max, long linkRtt)
        {
            var steps = new[] { 10, 15, 20, 30, 50, 70 };
            var result = new SortedSet<long> { min, max, linkRtt };
            for (long decade = 1; decade <= max; decade *= 10)
            {
                foreach (var step in steps)
                {
                    var rtt = decade * step / 10;
                    if (rtt >= min && rtt <= max && decade * step % 10 == 0)
                    {
                        result.Add(rtt);
                    }
                }
            }

            return result.ToList();
        }

        /// <summary>The largest 1-2-5 value at or below <paramref name="value"/>.</summary>
        internal static long NiceFloor(long value)
        {
            long decade = 1;
            while (decade * 10 <= value)
            {
                decade *= 10;
            }

            return value >= 5 * decade ? 5 * decade : value >= 2 * decade ? 2 * decade : decade;
        }

        /// <summary>The smallest 1-2-5 value at or above <paramref name="value"/>.</summary>
        internal static long NiceCeiling(long value)
        {
            long decade = 1;
            while (decade < value)
            {
                if (2 * decade >= value)
                {
                    return 2 * decade;
                }

                if (5 * decade >= value)
                {
                    return 5 * decade;
                }

                decade *= 10;
            }

            return decade;
        }
    }
}
