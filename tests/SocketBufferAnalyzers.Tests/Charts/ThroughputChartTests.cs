using System.Globalization;
using SocketBufferAnalyzers.Charts;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Tests.Charts
{
    /// <summary>
    /// The chart read back from its SVG (axes from the gridlines) against figures computed here: by hand for the default
    /// profile, and from WindowModel.Evaluate for every vertex of every line.
    /// </summary>
    public class ThroughputChartTests
    {
        // Coordinates carry two decimals; on these axes that is well under 0.05 % of a rate.
        private const double Tolerance = 1e-3;

        private static readonly long[] Sizes = { 8192, 65536, 262144, 1048576 };

        [Fact]
        public void DefaultProfileReceiveLinesAreWindowOverRtt()
        {
            var chart = PlottedChart.Parse(ThroughputChart.Render(KernelProfile.Default, BufferSide.Receive));

            // Linux 6.1: the window is half the doubled buffer, i.e. the value; 64 KiB at 50 ms = 65536 × 8 / 0.05 bit/s.
            AssertClose(65536 * 8 / 0.05, chart.LineFor(65536).RateAt(50_000));
            AssertClose(8192 * 8 / 0.05, chart.LineFor(8192).RateAt(50_000));
            AssertClose(8192 * 8 / 0.3, chart.LineFor(8192).RateAt(300_000));

            // 256 KiB and 1 MiB are both clamped at rmem_max = 212992: one line, a 212992-byte window.
            Assert.Same(chart.LineFor(262144), chart.LineFor(1048576));
            Assert.Equal(212992, chart.LineFor(1048576).Window);
            AssertClose(212992 * 8 / 0.001, chart.LineFor(1048576).RateAt(1000));

            // Autotuned: half of tcp_rmem[2] = 6291456, a 3 MiB window (≈ 503 Mbit/s at 50 ms, as the README says).
            Assert.Equal(3145728, chart.Autotuned.Window);
            AssertClose(3145728 * 8 / 0.05, chart.Autotuned.RateAt(50_000));
            Assert.Equal(4, chart.Lines.Count);
        }

        [Fact]
        public void SixtyFourKiBAtFiftyMillisecondsIsTheModelsCap()
        {
            var chart = PlottedChart.Parse(ThroughputChart.Render(KernelProfile.Default, BufferSide.Receive));
            var model = WindowModel.Evaluate(KernelProfile.Default, new BufferRequest(65536, BufferSide.Receive), new LinkProfile(1_000_000_000, 50_000));

            AssertClose(model.ThroughputCap * 8, chart.LineFor(65536).RateAt(50_000));
        }

        public static TheoryData<string, int, int, long, long, long?, BufferSide, SetTiming> Profiles() => new()
        {
            // name, kernel, rmem_max (null: stock), link bit/s, RTT µs, side, timing
            { "6.1 receive", 6, 1, 1_000_000_000, 50_000, null, BufferSide.Receive, SetTiming.BeforeConnect },
            { "6.1 send", 6, 1, 1_000_000_000, 50_000, null, BufferSide.Send, SetTiming.BeforeConnect },
            { "6.1 receive after connect", 6, 1, 1_000_000_000, 50_000, null, BufferSide.Receive, SetTiming.AfterConnect },
            { "6.7 receive", 6, 7, 1_000_000_000, 20_000, null, BufferSide.Receive, SetTiming.BeforeConnect },
            { "6.18 host on a 2 ms link", 6, 18, 10_000_000_000, 2_000, null, BufferSide.Receive, SetTiming.BeforeConnect },
            { "6.12 raised rmem_max, 150 µs link", 6, 12, 100_000_000, 150, 16_777_216, BufferSide.Receive, SetTiming.BeforeConnect },
            { "4.19 send", 4, 19, 1_000_000_000, 50_000, null, BufferSide.Send, SetTiming.BeforeConnect },
        };

        [Theory]
        [MemberData(nameof(Profiles))]
        public void EveryVertexOfEveryLineIsTheModelsFigure(string name, int major, int minor, long bitsPerSecond, long rtt, long? rmemMax, BufferSide side, SetTiming timing)
        {
            var profile = KernelProfile.Linux(new KernelVersion(major, minor));
            if (rmemMax is long raised)
            {
                profile = profile.With(rmemMax: raised);
            }

            var link = new LinkProfile(bitsPerSecond, rtt);
            var chart = PlottedChart.Parse(ThroughputChart.Render(profile, side, link, timing));

            foreach (var size in Sizes)
            {
                var line = chart.LineFor(size);
                var request = new BufferRequest(size, side, SocketKind.Tcp, timing);
                Assert.Equal(WindowModel.Evaluate(profile, request, link).MaxWindow, line.Window);
                Assert.True(line.Points.Count >= 10, name + ": too few vertices to trust the line");
                foreach (var (rttMicroseconds, drawn) in line.Points)
                {
                    var atRtt = new LinkProfile(bitsPerSecond, (long)Math.Round(rttMicroseconds));
                    AssertClose(WindowModel.Evaluate(profile, request, atRtt).ThroughputCap * 8, drawn);
                }
            }

            // Sizes with equal windows share a line; different windows never do.
            var windows = Sizes.Select(s => WindowModel.Evaluate(profile, new BufferRequest(s, side, SocketKind.Tcp, timing), link).MaxWindow).Distinct().Count();
            Assert.Equal(windows + 1, chart.Lines.Count);

            var ceiling = side == BufferSide.Receive ? WindowModel.ReceiveAutotuneCeiling(profile) : profile.TcpWmem.Max / 2;
            foreach (var (rttMicroseconds, drawn) in chart.Autotuned.Points)
            {
                AssertClose(ceiling * 8 / (Math.Round(rttMicroseconds) / 1e6), drawn);
            }

            // The link's RTT is a vertex of every line (the dots sit there), and the x axis spans 1 to 300 ms at least.
            Assert.All(chart.Lines, l => l.RateAt(rtt));
            Assert.All(chart.Lines, l => Assert.InRange(l.Points.Min(p => p.RttMicroseconds), 0, Math.Min(1000, rtt) * (1 + Tolerance)));
            Assert.All(chart.Lines, l => Assert.InRange(l.Points.Max(p => p.RttMicroseconds), 300_000 * (1 - Tolerance), double.MaxValue));
        }

        [Fact]
        public void AfterConnectEverySizeAboveTheClampSharesTheClampsLine()
        {
            // Linux 6.1, set after Connect: the window stays at the clamp of establishment, ½ × tcp_rmem[1] = 65536.
            var chart = PlottedChart.Parse(ThroughputChart.Render(KernelProfile.Default, BufferSide.Receive, timing: SetTiming.AfterConnect));

            Assert.Same(chart.LineFor(65536), chart.LineFor(1048576));
            Assert.Same(chart.LineFor(65536), chart.LineFor(262144));
            Assert.Equal(65536, chart.LineFor(262144).Window);
            Assert.Equal(8192, chart.LineFor(8192).Window);
            Assert.Contains("held at the clamp fixed at connect", chart.Texts);
        }

        [Fact]
        public void LegendQuotesTheFiguresTheBuildMessagesQuote()
        {
            var texts = PlottedChart.Parse(ThroughputChart.Render(KernelProfile.Default, BufferSide.Receive)).Texts.ToList();

            // README / SOCK001: 8 KiB → 1.3 Mbit/s at 50 ms; autotuning ≈ 503 Mbit/s.
            Assert.Contains("1.3 Mbit/s at 50 ms", texts);
            Assert.Contains("503 Mbit/s at 50 ms", texts);
            Assert.Contains("SO_RCVBUF 256 KiB, 1 MiB", texts);
            Assert.Contains("clamped at rmem_max", texts);
            Assert.Contains(texts, t => t.StartsWith("Linux 6.1, stock sysctls", StringComparison.Ordinal));
            Assert.Contains("round-trip time, ms (log scale)", texts);
            Assert.Contains("link rate 1 Gbit/s", texts);
        }

        [Fact]
        public void AProfileWithRaisedSysctlsIsNotCalledStock()
        {
            var raised = KernelProfile.Default.With(rmemMax: 16_777_216);

            Assert.Equal("Linux 6.1, stock sysctls", ThroughputChart.DescribeProfile(KernelProfile.Default));
            Assert.Equal("Linux 6.1", ThroughputChart.DescribeProfile(raised));
            Assert.Contains("host-a (Linux 6.1): rmem_max 16777216", ThroughputChart.Render(raised, BufferSide.Receive, profileLabel: "host-a (Linux 6.1)"));
        }

        [Theory]
        [InlineData("de-DE")]
        [InlineData("fr-FR")]
        [InlineData("ar-SA")]
        public void OutputDoesNotDependOnTheCurrentCulture(string culture)
        {
            var invariant = Render(CultureInfo.InvariantCulture);
            var local = Render(CultureInfo.GetCultureInfo(culture));

            Assert.Equal(invariant, local);
            Assert.Equal(invariant, Render(CultureInfo.InvariantCulture));
            Assert.DoesNotContain('\r', invariant);

            static string Render(CultureInfo culture)
            {
                var saved = CultureInfo.CurrentCulture;
                try
                {
                    CultureInfo.CurrentCulture = culture;
                    CultureInfo.CurrentUICulture = culture;
                    return ThroughputChart.Render(KernelProfile.Linux(new KernelVersion(6, 18)), new LinkProfile(2_500_000_000, 1500));
                }
                finally
                {
                    CultureInfo.CurrentCulture = saved;
                    CultureInfo.CurrentUICulture = saved;
                }
            }
        }

        [Fact]
        public void MacOSHasNoAutotunedLineAndSaysSo()
        {
            var svg = ThroughputChart.Render(KernelProfile.MacOS(), BufferSide.Receive);
            var chart = PlottedChart.Parse(svg);

            Assert.DoesNotContain(chart.Lines, l => l.Sizes.Count == 0);
            Assert.Contains("autotuning: not modelled on macOS", chart.Texts);
            AssertClose(1048576 * 8 / 0.05, chart.LineFor(1048576).RateAt(50_000));
        }

        [Theory]
        [InlineData(BufferSide.Receive, SetTiming.BeforeConnect, "throughput-receive-linux-6.1.svg")]
        [InlineData(BufferSide.Send, SetTiming.BeforeConnect, "throughput-send-linux-6.1.svg")]
        [InlineData(BufferSide.Receive, SetTiming.AfterConnect, "throughput-receive-after-connect-linux-6.1.svg")]
        [InlineData(BufferSide.Send, SetTiming.AfterConnect, "throughput-send-linux-6.1.svg")]
        public void FileNamesNameSideTimingAndKernel(BufferSide side, SetTiming timing, string expected)
        {
            Assert.Equal(expected, ThroughputChart.FileName(KernelProfile.Default, side, timing));
        }

        private static void AssertClose(double expected, double actual)
        {
            Assert.True(
                Math.Abs(actual - expected) <= Math.Abs(expected) * Tolerance,
                $"expected {expected.ToString("R", CultureInfo.InvariantCulture)} bit/s, the chart shows {actual.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }
}
