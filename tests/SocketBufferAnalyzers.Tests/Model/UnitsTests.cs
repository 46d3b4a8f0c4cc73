using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Tests.Model
{
    /// <summary>
    /// rules.md: "Sizes print in KiB/MiB when exact, otherwise bytes; rates in Mbit/s or Gbit/s with 2–3 significant digits."
    /// </summary>
    public class UnitsTests
    {
        [Theory]
        [InlineData(212992, "208 KiB")]
        [InlineData(425984, "416 KiB")]
        [InlineData(32768, "32 KiB")]
        [InlineData(65536, "64 KiB")]
        [InlineData(131072, "128 KiB")]
        [InlineData(1024, "1 KiB")]
        [InlineData(1048576, "1 MiB")]
        [InlineData(6291456, "6 MiB")]
        [InlineData(7340032, "7 MiB")]
        [InlineData(33554432, "32 MiB")]
        [InlineData(1572864, "1536 KiB")]
        [InlineData(64088, "64088 bytes")]
        [InlineData(2304, "2304 bytes")]
        [InlineData(7456540, "7456540 bytes")]
        [InlineData(1000, "1000 bytes")]
        [InlineData(0, "0 bytes")]
        [InlineData(1, "1 byte")]
        public void Bytes(long value, string expected) => Assert.Equal(expected, Units.Bytes(value));

        [Theory]
        [InlineData(655360, "5.2 Mbit/s")] // rules.md: 32 KiB at 50 ms on 6.1
        [InlineData(4259840, "34.1 Mbit/s")] // vector 16
        [InlineData(409600, "3.3 Mbit/s")] // vector 1 (3.28)
        [InlineData(57600, "0.46 Mbit/s")] // vector 11
        [InlineData(20971520, "168 Mbit/s")] // vector 6 (167.8)
        [InlineData(26214000, "210 Mbit/s")] // vector 7 (209.7)
        [InlineData(335515360, "2.7 Gbit/s")] // vector 20 (2.68)
        [InlineData(221511680, "1.8 Gbit/s")] // vector 18 (1.77)
        [InlineData(167750000, "1.3 Gbit/s")] // §9: 1 342 Mbit/s, two significant digits below 10
        [InlineData(12495000, "100 Mbit/s")] // 99.96 Mbit/s rounds up to three digits, not "100.0"
        [InlineData(124950000, "1.0 Gbit/s")] // 999.6 Mbit/s is not "1000 Mbit/s"
        [InlineData(7250, "0.058 Mbit/s")]
        [InlineData(124500, "1.0 Mbit/s")] // 0.996 Mbit/s
        [InlineData(12450, "0.10 Mbit/s")] // 0.0996 Mbit/s
        [InlineData(999, "0.0080 Mbit/s")]
        [InlineData(0, "0 Mbit/s")]
        public void Rate(double bytesPerSecond, string expected) => Assert.Equal(expected, Units.Rate(bytesPerSecond));

        [Theory]
        [InlineData(655360)]
        [InlineData(4259840)]
        [InlineData(57600)]
        [InlineData(12495000)]
        [InlineData(124950000)]
        [InlineData(1281760)]
        [InlineData(3276800)]
        [InlineData(999)]
        [InlineData(123456789)]
        public void RateHasTwoOrThreeSignificantDigits(double bytesPerSecond)
        {
            var text = Units.Rate(bytesPerSecond);
            var number = text.Substring(0, text.IndexOf(' '));
            var digits = number.Replace(".", string.Empty).TrimStart('0');
            Assert.InRange(digits.Length, 2, 3);
        }

        [Theory]
        [InlineData(1_000_000_000, "1 Gbit/s")]
        [InlineData(2_500_000_000, "2.5 Gbit/s")]
        [InlineData(10_000_000_000, "10 Gbit/s")]
        [InlineData(100_000_000, "100 Mbit/s")]
        [InlineData(64_000, "64 kbit/s")]
        [InlineData(500, "500 bit/s")]
        public void Bandwidth(long bits, string expected) => Assert.Equal(expected, Units.Bandwidth(bits));

        [Theory]
        [InlineData(50_000, "50 ms")]
        [InlineData(1_000, "1 ms")]
        [InlineData(500, "0.5 ms")]
        [InlineData(2_000_000, "2 s")]
        [InlineData(50, "50 µs")]
        public void Duration(long microseconds, string expected) => Assert.Equal(expected, Units.Duration(microseconds));

        [Fact]
        public void LinkProfileDefaultAndText()
        {
            Assert.Equal(new LinkProfile(1_000_000_000, 50_000), LinkProfile.Default);
            Assert.Equal("1 Gbit/s × 2 ms", new LinkProfile(1_000_000_000, 2_000).ToString());
            Assert.Equal(6250000, LinkProfile.Default.BdpBytes);
        }
    }
}
