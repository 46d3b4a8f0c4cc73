using System.Globalization;
using System.Xml.Linq;

namespace SocketBufferAnalyzers.Tests.Charts
{
    /// <summary>
    /// Reads a rendered chart back as a reader of the picture would: the axis scales come from the gridlines' positions
    /// and values, and every polyline vertex is turned back into (RTT, bit/s). Nothing here uses the chart's own code.
    /// </summary>
    internal sealed class PlottedChart
    {
        private static readonly XNamespace SvgNamespace = "http://www.w3.org/2000/svg";

        private readonly LogScale _x;
        private readonly LogScale _y;

        private PlottedChart(XDocument document, LogScale x, LogScale y, IReadOnlyList<PlottedLine> lines)
        {
            Document = document;
            _x = x;
            _y = y;
            Lines = lines;
        }

        public XDocument Document { get; }

        public IReadOnlyList<PlottedLine> Lines { get; }

        /// <summary>All text drawn, in document order.</summary>
        public IEnumerable<string> Texts => Document.Descendants(SvgNamespace + "text").Select(t => t.Value);

        public static PlottedChart Parse(string svg)
        {
            var document = XDocument.Parse(svg);
            var lines = document.Descendants(SvgNamespace + "line").ToList();
            var x = LogScale.Fit(lines
                .Where(l => (string?)l.Attribute("class") == "x-grid")
                .Select(l => (Value: Number(l, "data-rtt-us"), Position: Number(l, "x1"))));
            var y = LogScale.Fit(lines
                .Where(l => (string?)l.Attribute("class") == "y-grid")
                .Select(l => (Value: Number(l, "data-bits-per-second"), Position: Number(l, "y1"))));

            var plotted = document.Descendants(SvgNamespace + "polyline")
                .Select(p => new PlottedLine(
                    ((string?)p.Attribute("data-sizes") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList(),
                    long.Parse((string)p.Attribute("data-window")!, CultureInfo.InvariantCulture),
                    ((string)p.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(pair => pair.Split(','))
                        .Select(pair => (
                            RttMicroseconds: x.ValueAt(double.Parse(pair[0], CultureInfo.InvariantCulture)),
                            BitsPerSecond: y.ValueAt(double.Parse(pair[1], CultureInfo.InvariantCulture))))
                        .ToList()))
                .ToList();
            return new PlottedChart(document, x, y, plotted);
        }

        /// <summary>The line drawn for a fixed size (a size can share a line with others).</summary>
        public PlottedLine LineFor(long size) => Lines.Single(l => l.Sizes.Contains(size));

        public PlottedLine Autotuned => Lines.Single(l => l.Sizes.Count == 0);

        private static double Number(XElement element, string attribute) =>
            double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

        /// <summary>position = offset + slope × log10(value), fitted through the first and last gridline.</summary>
        private sealed class LogScale
        {
            private readonly double _offset;
            private readonly double _slope;

            private LogScale(double offset, double slope)
            {
                _offset = offset;
                _slope = slope;
            }

            public static LogScale Fit(IEnumerable<(double Value, double Position)> gridlines)
            {
                var sorted = gridlines.OrderBy(g => g.Value).ToList();
                Assert.True(sorted.Count >= 2, "The chart needs at least two gridlines per axis to be read.");
                var (firstValue, firstPosition) = sorted[0];
                var (lastValue, lastPosition) = sorted[^1];
                var slope = (lastPosition - firstPosition) / (Math.Log10(lastValue) - Math.Log10(firstValue));
                var scale = new LogScale(firstPosition - (slope * Math.Log10(firstValue)), slope);

                // Every gridline in between sits where a log scale puts it (to the SVG's 0.01 px rounding).
                foreach (var (value, position) in sorted)
                {
                    Assert.InRange(scale.PositionOf(value) - position, -0.02, 0.02);
                }

                return scale;
            }

            public double ValueAt(double position) => Math.Pow(10, (position - _offset) / _slope);

            private double PositionOf(double value) => _offset + (_slope * Math.Log10(value));
        }
    }

    internal sealed record PlottedLine(IReadOnlyList<long> Sizes, long Window, IReadOnlyList<(double RttMicroseconds, double BitsPerSecond)> Points)
    {
        /// <summary>The rate drawn at an RTT that is one of the line's vertices.</summary>
        public double RateAt(long rttMicroseconds)
        {
            var point = Points.Single(p => Math.Abs(p.RttMicroseconds - rttMicroseconds) < rttMicroseconds * 1e-3);
            return point.BitsPerSecond;
        }
    }
}
