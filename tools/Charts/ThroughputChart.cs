using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Charts
{
    /// <summary>
    /// Throughput of one TCP connection against RTT, log-log, for fixed buffer sizes beside the autotuned ceiling, as
    /// SVG text. Deterministic: the same profile and link always give the same bytes (invariant culture, fixed number
    /// formats, "\n" line ends, no dates).
    /// </summary>
    public static class ThroughputChart
    {
        private const double Width = 960;
        private const double Height = 552;
        private const double PlotLeft = 112;
        private const double PlotRight = 620;
        private const double PlotTop = 84;
        private const double PlotBottom = 450;
        private const double LegendLeft = 646;

        private const string Font = "DejaVu Sans, Verdana, Segoe UI, Helvetica, Arial, sans-serif";
        private const string Ink = "#1f2328";
        private const string Muted = "#57606a";
        private const string AutotunedColor = "#009e73";
        private const string LinkColor = "#6e7781";

        // Okabe-Ito colours, distinguishable with the common colour-vision deficiencies; one per default size.
        private static readonly string[] SizeColors = { "#d55e00", "#e69f00", "#56b4e9", "#0072b2", "#cc79a7", "#000000" };

        /// <summary>
        /// The receive-side chart for a host: its kernel profile, the link's RTT marked and its bandwidth drawn.
        /// This is what a <c>host</c> command writes for the profile it measured.
        /// </summary>
        public static string Render(KernelProfile profile, LinkProfile link) => Render(profile, BufferSide.Receive, link);

        /// <summary>
        /// The chart for one side. <paramref name="link"/> defaults to <see cref="LinkProfile.Default"/> (1 Gbit/s, 50 ms);
        /// <paramref name="timing"/> matters on the receive side only (after connecting, the window stays at the clamp
        /// of establishment); <paramref name="profileLabel"/> replaces "Linux 6.1, stock sysctls" in the subtitle.
        /// </summary>
        public static string Render(
            KernelProfile profile,
            BufferSide side,
            LinkProfile? link = null,
            SetTiming timing = SetTiming.BeforeConnect,
            string? profileLabel = null,
            IReadOnlyList<long>? sizes = null)
        {
            var plot = ThroughputPlot.Compute(profile, side, link ?? LinkProfile.Default, timing, sizes);
            return Render(plot, profileLabel);
        }

        /// <summary>"throughput-receive-linux-6.1.svg", "throughput-send-linux-6.1.svg", "throughput-receive-after-connect-linux-6.1.svg".</summary>
        public static string FileName(KernelProfile profile, BufferSide side, SetTiming timing = SetTiming.BeforeConnect)
        {
            if (profile == null)
            {
                throw new ArgumentNullException(nameof(profile));
            }

            var sideName = side == BufferSide.Receive ? "receive" : "send";
            var after = side == BufferSide.Receive && timing == SetTiming.AfterConnect ? "-after-connect" : string.Empty;
            var os = profile.Os switch
            {
                TargetOs.Linux => "linux-" + profile.Version,
                TargetOs.MacOS => "macos",
                _ => "windows",
            };
            return "throughput-" + sideName + after + "-" + os + ".svg";
        }

        /// <summary>"Linux 6.1, stock sysctls" when the profile has its version's defaults, else "Linux 6.18".</summary>
        public static string DescribeProfile(KernelProfile profile)
        {
            if (profile == null)
            {
                throw new ArgumentNullException(nameof(profile));
            }

            return profile.Os == TargetOs.Linux && profile.Equals(KernelProfile.Linux(profile.Version))
                ? profile.Describe() + ", stock sysctls"
                : profile.Describe();
        }

        private static string Render(ThroughputPlot plot, string? profileLabel)
        {
            var profile = plot.Profile;
            var receive = plot.Side == BufferSide.Receive;
            var after = receive && plot.Timing == SetTiming.AfterConnect;
            var option = receive ? "SO_RCVBUF" : "SO_SNDBUF";
            var rtt = Units.Duration(plot.Link.RttMicroseconds);

            var axes = Axes.For(plot);
            var svg = new Svg();

            var modelsAutotuning = plot.Series.Any(s => s.IsAutotuned);
            var title = (receive ? "Receive" : "Send") + " throughput of one TCP connection: "
                + (after ? "SO_RCVBUF set after Connect" : "fixed " + option + (modelsAutotuning ? " or autotuning" : string.Empty));
            var subtitle = (profileLabel ?? DescribeProfile(profile)) + SysctlText(profile, plot.Side);

            svg.Open(
                "svg",
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("width", Svg.Number(Width)),
                ("height", Svg.Number(Height)),
                ("viewBox", "0 0 " + Svg.Number(Width) + " " + Svg.Number(Height)),
                ("role", "img"),
                ("aria-labelledby", "chart-title chart-desc"),
                ("font-family", Font));
            svg.Element("title", title + " (" + subtitle + ")", ("id", "chart-title"));
            svg.Element("desc", Description(plot, rtt), ("id", "chart-desc"));
            svg.Empty("rect", ("width", "100%"), ("height", "100%"), ("fill", "#ffffff"));

            svg.Element("text", title, ("x", "24"), ("y", "34"), ("font-size", "18"), ("font-weight", "bold"), ("fill", Ink));
            svg.Element("text", subtitle, ("x", "24"), ("y", "58"), ("font-size", "13"), ("fill", Muted));

            DrawGrid(svg, axes);
            DrawLink(svg, axes, plot.Link);

            var colors = AssignColors(plot);
            var paths = new List<(ThroughputSeries Series, string Color)>();
            foreach (var series in plot.Series)
            {
                var color = series.IsAutotuned ? AutotunedColor : colors[series];
                paths.Add((series, color));
            }

            // Fixed sizes under the autotuned line, so the ceiling stays visible where they would meet.
            foreach (var (series, color) in paths.Where(p => !p.Series.IsAutotuned).Concat(paths.Where(p => p.Series.IsAutotuned)))
            {
                var points = string.Join(" ", series.Points.Select(p => Svg.Number(axes.X(p.RttMicroseconds)) + "," + Svg.Number(axes.Y(p.BytesPerSecond * 8))));
                svg.Empty(
                    "polyline",
                    ("class", series.IsAutotuned ? "series autotuned" : "series fixed"),
                    ("data-sizes", string.Join(" ", series.Sizes.Select(s => s.ToString(CultureInfo.InvariantCulture)))),
                    ("data-window", series.Window.ToString(CultureInfo.InvariantCulture)),
                    ("points", points),
                    ("fill", "none"),
                    ("stroke", color),
                    ("stroke-width", series.IsAutotuned ? "3.5" : "2.5"),
                    ("stroke-linejoin", "round"),
                    ("stroke-linecap", "round"));
            }

            // Where the link's RTT crosses each line: the figure the build message quotes.
            foreach (var (series, color) in paths)
            {
                var point = series.Points.First(p => p.RttMicroseconds == plot.Link.RttMicroseconds);
                svg.Empty(
                    "circle",
                    ("cx", Svg.Number(axes.X(point.RttMicroseconds))),
                    ("cy", Svg.Number(axes.Y(point.BytesPerSecond * 8))),
                    ("r", "4.5"),
                    ("fill", color),
                    ("stroke", "#ffffff"),
                    ("stroke-width", "1.5"));
            }

            DrawAxes(svg, axes);
            DrawLegend(svg, plot, paths, option, rtt);

            var note = (receive
                    ? "One connection tops out at window / RTT or at the link rate, whichever is lower."
                    : "One connection tops out near (payload in flight) / RTT or at the link rate; about half the buffer is payload (0.33 to 0.95 measured).");
            svg.Element("text", note, ("x", "24"), ("y", Svg.Number(Height - 34)), ("font-size", "11.5"), ("fill", Muted));
            svg.Element("text", "Computed by the window model (src/Analyzer/Model, WindowModel.Evaluate) and drawn by tools/Charts.", ("x", "24"), ("y", Svg.Number(Height - 16)), ("font-size", "11.5"), ("fill", Muted));

            svg.Close("svg");
            return svg.ToString();
        }

        private static string SysctlText(KernelProfile profile, BufferSide side)
        {
            if (profile.Os != TargetOs.Linux)
            {
                return profile.Os == TargetOs.MacOS
                    ? ": kern.ipc.maxsockbuf " + profile.MacMaxSockBuf.ToString(CultureInfo.InvariantCulture)
                    : string.Empty;
            }

            return side == BufferSide.Receive
                ? ": rmem_max " + profile.RmemMax.ToString(CultureInfo.InvariantCulture) + ", tcp_rmem " + profile.TcpRmem
                : ": wmem_max " + profile.WmemMax.ToString(CultureInfo.InvariantCulture) + ", tcp_wmem " + profile.TcpWmem;
        }

        private static string Description(ThroughputPlot plot, string rtt)
        {
            var parts = plot.Series.Select(s => (s.IsAutotuned ? "not set (autotuned)" : string.Join(" or ", s.Sizes.Select(Units.Bytes)))
                + ": " + Units.Rate(s.Points.First(p => p.RttMicroseconds == plot.Link.RttMicroseconds).BytesPerSecond));
            return "Log-log chart of throughput against round-trip time from "
                + Units.Duration(plot.MinRttMicroseconds) + " to " + Units.Duration(plot.MaxRttMicroseconds)
                + ". At " + rtt + ": " + string.Join("; ", parts) + ". Link: " + Units.Bandwidth(plot.Link.BitsPerSecond) + ".";
        }

        private static Dictionary<ThroughputSeries, string> AssignColors(ThroughputPlot plot)
        {
            // A size keeps its colour from chart to chart: the n-th default size always gets the n-th colour.
            var colors = new Dictionary<ThroughputSeries, string>();
            var fallback = 0;
            foreach (var series in plot.Series.Where(s => !s.IsAutotuned))
            {
                var index = -1;
                for (var i = 0; i < ThroughputPlot.DefaultSizes.Count && index < 0; i++)
                {
                    if (series.Sizes.Contains(ThroughputPlot.DefaultSizes[i]))
                    {
                        index = i;
                    }
                }

                colors[series] = SizeColors[index >= 0 ? index : Math.Min(SizeColors.Length - 1, 4 + fallback++)];
            }

            return colors;
        }

        private static void DrawGrid(Svg svg, Axes axes)
        {
            svg.Open("g", ("class", "grid"), ("fill", "none"));
            foreach (var tick in axes.XTicks)
            {
                var x = Svg.Number(axes.X(tick.Microseconds));
                svg.Empty(
                    "line",
                    ("class", "x-grid"),
                    ("data-rtt-us", tick.Microseconds.ToString(CultureInfo.InvariantCulture)),
                    ("x1", x),
                    ("y1", Svg.Number(PlotTop)),
                    ("x2", x),
                    ("y2", Svg.Number(PlotBottom)),
                    ("stroke", tick.Major ? "#c9d1d9" : "#eaeef2"),
                    ("stroke-width", "1"));
            }

            foreach (var tick in axes.YTicks)
            {
                var y = Svg.Number(axes.Y(tick.BitsPerSecond));
                svg.Empty(
                    "line",
                    ("class", "y-grid"),
                    ("data-bits-per-second", tick.BitsPerSecond.ToString("R", CultureInfo.InvariantCulture)),
                    ("x1", Svg.Number(PlotLeft)),
                    ("y1", y),
                    ("x2", Svg.Number(PlotRight)),
                    ("y2", y),
                    ("stroke", tick.Major ? "#c9d1d9" : "#eaeef2"),
                    ("stroke-width", "1"));
            }

            svg.Close("g");
        }

        private static void DrawLink(Svg svg, Axes axes, LinkProfile link)
        {
            var x = Svg.Number(axes.X(link.RttMicroseconds));
            svg.Empty("line", ("x1", x), ("y1", Svg.Number(PlotTop)), ("x2", x), ("y2", Svg.Number(PlotBottom)), ("stroke", LinkColor), ("stroke-width", "1.25"), ("stroke-dasharray", "2 4"));
            svg.Element("text", "RTT " + Units.Duration(link.RttMicroseconds), ("x", x), ("y", Svg.Number(PlotTop - 8)), ("font-size", "12"), ("text-anchor", "middle"), ("fill", Muted));

            var y = Svg.Number(axes.Y(link.BitsPerSecond));
            svg.Empty("line", ("class", "link"), ("x1", Svg.Number(PlotLeft)), ("y1", y), ("x2", Svg.Number(PlotRight)), ("y2", y), ("stroke", LinkColor), ("stroke-width", "1.75"), ("stroke-dasharray", "7 5"));
        }

        private static void DrawAxes(Svg svg, Axes axes)
        {
            svg.Empty("rect", ("x", Svg.Number(PlotLeft)), ("y", Svg.Number(PlotTop)), ("width", Svg.Number(PlotRight - PlotLeft)), ("height", Svg.Number(PlotBottom - PlotTop)), ("fill", "none"), ("stroke", "#8c959f"), ("stroke-width", "1"));

            svg.Open("g", ("font-size", "12"), ("fill", Ink));
            foreach (var tick in axes.XTicks.Where(t => t.Label))
            {
                svg.Element("text", Milliseconds(tick.Microseconds), ("x", Svg.Number(axes.X(tick.Microseconds))), ("y", Svg.Number(PlotBottom + 18)), ("text-anchor", "middle"));
            }

            foreach (var tick in axes.YTicks.Where(t => t.Major))
            {
                svg.Element("text", Units.Bandwidth((long)tick.BitsPerSecond), ("x", Svg.Number(PlotLeft - 8)), ("y", Svg.Number(axes.Y(tick.BitsPerSecond) + 4)), ("text-anchor", "end"));
            }

            svg.Close("g");

            svg.Element("text", "round-trip time, ms (log scale)", ("x", Svg.Number((PlotLeft + PlotRight) / 2)), ("y", Svg.Number(PlotBottom + 42)), ("font-size", "13"), ("text-anchor", "middle"), ("fill", Ink));
            var middle = Svg.Number((PlotTop + PlotBottom) / 2);
            svg.Element("text", "throughput of one connection (log scale)", ("x", "0"), ("y", "0"), ("font-size", "13"), ("text-anchor", "middle"), ("fill", Ink), ("transform", "translate(26 " + middle + ") rotate(-90)"));
        }

        private static void DrawLegend(Svg svg, ThroughputPlot plot, List<(ThroughputSeries Series, string Color)> paths, string option, string rtt)
        {
            var receive = plot.Side == BufferSide.Receive;
            var y = PlotTop + 6;
            svg.Open("g", ("class", "legend"), ("font-size", "12"), ("fill", Ink));
            if (!paths.Any(p => p.Series.IsAutotuned))
            {
                svg.Element("text", "autotuning: not modelled on " + plot.Profile.Describe(), ("x", Svg.Number(LegendLeft)), ("y", Svg.Number(y)), ("fill", Muted));
                y += 28;
            }
            foreach (var (series, color) in paths)
            {
                var rate = Units.Rate(series.Points.First(p => p.RttMicroseconds == plot.Link.RttMicroseconds).BytesPerSecond) + " at " + rtt;
                var lines = new List<string>();
                string heading;
                if (series.IsAutotuned)
                {
                    heading = "not set: autotuned";
                    lines.Add(receive ? "window grows to " + Units.Bytes(series.Window) : "up to about " + Units.Bytes(series.Window) + " in flight");
                }
                else
                {
                    heading = option + " " + string.Join(", ", series.Sizes.Select(Units.Bytes));
                    lines.Add(receive ? Units.Bytes(series.Window) + " window" : "about " + Units.Bytes(series.Window) + " in flight");
                    if (series.Reason != null)
                    {
                        lines.Add(series.Reason);
                    }
                }

                lines.Add(rate);
                y = LegendEntry(svg, y, color, series.IsAutotuned ? 3.5 : 2.5, null, heading, lines);
            }

            LegendEntry(svg, y + 4, LinkColor, 1.75, "7 5", "link rate " + Units.Bandwidth(plot.Link.BitsPerSecond), Array.Empty<string>());
            svg.Close("g");
        }

        private static double LegendEntry(Svg svg, double y, string color, double strokeWidth, string? dash, string heading, IReadOnlyList<string> lines)
        {
            var lineY = Svg.Number(y - 4);
            var attributes = new List<(string, string)>
            {
                ("x1", Svg.Number(LegendLeft)),
                ("y1", lineY),
                ("x2", Svg.Number(LegendLeft + 26)),
                ("y2", lineY),
                ("stroke", color),
                ("stroke-width", Svg.Number(strokeWidth)),
                ("stroke-linecap", "round"),
            };
            if (dash != null)
            {
                attributes.Add(("stroke-dasharray", dash));
            }

            svg.Empty("line", attributes.ToArray());
            var textX = Svg.Number(LegendLeft + 36);
            svg.Element("text", heading, ("x", textX), ("y", Svg.Number(y)), ("font-size", "13"), ("font-weight", "bold"));
            foreach (var line in lines)
            {
                y += 16;
                svg.Element("text", line, ("x", textX), ("y", Svg.Number(y)), ("fill", Muted));
            }

            return y + 26;
        }

        private static string Milliseconds(long microseconds) =>
            (microseconds / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

        private sealed class Axes
        {
            private readonly double _logMinRtt;
            private readonly double _logMaxRtt;
            private readonly double _logMinRate;
            private readonly double _logMaxRate;

            private Axes(long minRtt, long maxRtt, double minRate, double maxRate)
            {
                _logMinRtt = Math.Log10(minRtt);
                _logMaxRtt = Math.Log10(maxRtt);
                _logMinRate = Math.Log10(minRate);
                _logMaxRate = Math.Log10(maxRate);

                var xTicks = new List<(long, bool, bool)>();
                for (long decade = 1; decade <= maxRtt; decade *= 10)
                {
                    foreach (var step in new[] { 1, 2, 3, 5 })
                    {
                        var value = decade * step;
                        if (value >= minRtt && value <= maxRtt)
                        {
                            // Label 1, 2, 5 and the 3 that ends the default 300 ms axis.
                            xTicks.Add((value, step == 1, step != 3 || value == maxRtt));
                        }
                    }
                }

                XTicks = xTicks;

                var yTicks = new List<(double, bool)>();
                for (var rate = minRate; rate <= maxRate * 1.0001; rate *= 10)
                {
                    yTicks.Add((rate, true));
                    if (rate * 10 <= maxRate * 1.0001)
                    {
                        yTicks.Add((rate * 2, false));
                        yTicks.Add((rate * 5, false));
                    }
                }

                YTicks = yTicks;
            }

            public IReadOnlyList<(long Microseconds, bool Major, bool Label)> XTicks { get; }

            public IReadOnlyList<(double BitsPerSecond, bool Major)> YTicks { get; }

            public static Axes For(ThroughputPlot plot)
            {
                var rates = plot.Series.SelectMany(s => s.Points).Select(p => p.BytesPerSecond * 8)
                    .Concat(new[] { (double)plot.Link.BitsPerSecond })
                    .ToList();
                var minRate = Math.Pow(10, Math.Floor(Math.Log10(rates.Min())));
                var maxRate = Math.Pow(10, Math.Ceiling(Math.Log10(rates.Max())));
                return new Axes(plot.MinRttMicroseconds, plot.MaxRttMicroseconds, minRate, maxRate);
            }

            public double X(long rttMicroseconds) =>
                PlotLeft + ((Math.Log10(rttMicroseconds) - _logMinRtt) / (_logMaxRtt - _logMinRtt) * (PlotRight - PlotLeft));

            public double Y(double bitsPerSecond) =>
                PlotBottom - ((Math.Log10(bitsPerSecond) - _logMinRate) / (_logMaxRate - _logMinRate) * (PlotBottom - PlotTop));
        }
    }
}
