using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Tests.Model
{
    /// <summary>KernelVersion.TryParse (rules.md: "a kernel version must be 2.6 or later") and TcpMem.TryParse.</summary>
    public class ParsingTests
    {
        [Theory]
        [InlineData("6.1", 6, 1)]
        [InlineData("2.6", 2, 6)]
        [InlineData("2.6.32", 2, 6)]
        [InlineData("3.10", 3, 10)]
        [InlineData("6.18.3", 6, 18)]
        [InlineData("6.1.0-28-amd64", 6, 1)]
        [InlineData("2.6.32-754.el6.x86_64", 2, 6)]
        [InlineData("6.1-rc2", 6, 1)]
        [InlineData(" 6.16 ", 6, 16)]
        [InlineData("10.0", 10, 0)]
        public void KernelVersionAccepts(string text, int major, int minor)
        {
            Assert.True(KernelVersion.TryParse(text, out var version));
            Assert.Equal(new KernelVersion(major, minor), version);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("6")]
        [InlineData("linux")]
        [InlineData("6.x")]
        [InlineData("6.1foo")]
        [InlineData("v6.1")]
        [InlineData("-6.1")]
        [InlineData("+6.1")]
        [InlineData("6..1")]
        [InlineData(".1")]
        [InlineData("2.4")]
        [InlineData("2.5.99")]
        [InlineData("1.0")]
        [InlineData("0.0")]
        [InlineData("6,1")]
        public void KernelVersionRejects(string? text)
        {
            Assert.False(KernelVersion.TryParse(text, out var version));
            Assert.Equal(default, version);
        }

        [Fact]
        public void KernelVersionOrdering()
        {
            Assert.True(new KernelVersion(6, 10).CompareTo(new KernelVersion(6, 9)) > 0);
            Assert.True(new KernelVersion(6, 1).AtLeast(4, 20));
            Assert.False(new KernelVersion(4, 19).AtLeast(4, 20));
            Assert.True(new KernelVersion(3, 4).AtLeast(3, 4));
            Assert.Equal("6.18", new KernelVersion(6, 18).ToString());
            Assert.Equal(new KernelVersion(2, 6), KernelVersion.Oldest);
        }

        [Theory]
        [InlineData("4096 131072 6291456", 4096, 131072, 6291456)]
        [InlineData("4096\t87380\t4194304", 4096, 87380, 4194304)]
        [InlineData("  4096   16384   4194304  ", 4096, 16384, 4194304)]
        [InlineData("4096,131072,33554432", 4096, 131072, 33554432)]
        [InlineData("1 1 1", 1, 1, 1)]
        public void TcpMemAccepts(string text, long min, long def, long max)
        {
            Assert.True(TcpMem.TryParse(text, out var value));
            Assert.Equal(new TcpMem(min, def, max), value);
            Assert.Equal(min, value.Min);
            Assert.Equal(def, value.Default);
            Assert.Equal(max, value.Max);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("4096 131072")]
        [InlineData("4096 131072 6291456 1")]
        [InlineData("4096 131072 abc")]
        [InlineData("0 131072 6291456")]
        [InlineData("-4096 131072 6291456")]
        [InlineData("4096 131072 6291455.5")]
        [InlineData("131072 4096 6291456")]
        [InlineData("4096 6291456 131072")]
        [InlineData("4096 131072 4294967296")]
        public void TcpMemRejects(string? text)
        {
            Assert.False(TcpMem.TryParse(text, out _));
        }

        [Fact]
        public void TcpMemPrintsAsSysctl()
        {
            Assert.Equal("4096 131072 6291456", new TcpMem(4096, 131072, 6291456).ToString());
        }
    }
}
