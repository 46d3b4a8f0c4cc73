using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Tests.Model
{
    /// <summary>KernelProfile.Linux defaults by version (window-model.md §0, §1.1, §4; rules.md configuration).</summary>
    public class KernelProfileTests
    {
        [Theory]
        [InlineData(2, 6, KernelEra.L26)]
        [InlineData(3, 3, KernelEra.L26)]
        [InlineData(3, 4, KernelEra.L34To65)]
        [InlineData(4, 19, KernelEra.L34To65)]
        [InlineData(6, 5, KernelEra.L34To65)]
        [InlineData(6, 6, KernelEra.L66To69)]
        [InlineData(6, 9, KernelEra.L66To69)]
        [InlineData(6, 10, KernelEra.L610)]
        [InlineData(6, 11, KernelEra.L611To615)]
        [InlineData(6, 15, KernelEra.L611To615)]
        [InlineData(6, 16, KernelEra.L616Plus)]
        [InlineData(6, 18, KernelEra.L616Plus)]
        [InlineData(7, 0, KernelEra.L616Plus)]
        public void EraBoundaries(int major, int minor, KernelEra era)
        {
            Assert.Equal(era, Linux(major, minor).Era);
            Assert.Equal(era, KernelProfile.EraOf(new KernelVersion(major, minor)));
        }

        [Theory]
        [InlineData(2, 6, 192, 192, 192)] // ¾ everywhere, adv_win_scale 2
        [InlineData(3, 3, 192, 192, 192)]
        [InlineData(3, 4, 128, 128, 128)] // ½, adv_win_scale 1
        [InlineData(6, 5, 128, 128, 128)]
        [InlineData(6, 6, 65, 65, 169)] // initial 65/256; locked never relearns; autotuning learns
        [InlineData(6, 9, 65, 65, 169)]
        [InlineData(6, 10, 128, 128, 169)] // initial ½, locked still at the initial ratio
        [InlineData(6, 11, 128, 169, 169)] // a2cbb1603943: locked follows the learned ratio
        [InlineData(6, 16, 128, 169, 169)]
        public void Ratios(int major, int minor, int init, int locked, int autotuned)
        {
            var profile = Linux(major, minor);
            Assert.Equal(init, profile.RatioInit);
            Assert.Equal(locked, profile.RatioLocked);
            Assert.Equal(autotuned, profile.RatioAutotuned);
            Assert.Equal(169, profile.RatioLearned);
        }

        [Theory]
        [InlineData(2, 6, 256, 2048)]
        [InlineData(3, 10, 256, 2048)]
        [InlineData(3, 11, 2304, 4608)]
        [InlineData(6, 1, 2304, 4608)]
        public void SocketMinimums(int major, int minor, long rcv, long snd)
        {
            var profile = Linux(major, minor);
            Assert.Equal(rcv, profile.SockMinRcv);
            Assert.Equal(snd, profile.SockMinSnd);
        }

        [Theory]
        [InlineData(2, 6, 87380, 4194304)]
        [InlineData(3, 3, 87380, 4194304)]
        [InlineData(3, 4, 87380, 6291456)]
        [InlineData(4, 19, 87380, 6291456)]
        [InlineData(4, 20, 131072, 6291456)]
        [InlineData(6, 1, 131072, 6291456)]
        [InlineData(6, 15, 131072, 6291456)]
        [InlineData(6, 16, 131072, 33554432)]
        [InlineData(6, 18, 131072, 33554432)]
        public void TcpRmemDefaults(int major, int minor, long initial, long max)
        {
            var profile = Linux(major, minor);
            Assert.Equal(new TcpMem(4096, initial, max), profile.TcpRmem);
            Assert.Equal(new TcpMem(4096, 16384, 4194304), profile.TcpWmem);
        }

        [Theory]
        [InlineData(2, 6, 212992)]
        [InlineData(6, 1, 212992)]
        [InlineData(6, 17, 212992)]
        [InlineData(6, 18, 4194304)]
        [InlineData(7, 0, 4194304)]
        public void MemMaxDefaults(int major, int minor, long expected)
        {
            var profile = Linux(major, minor);
            Assert.Equal(expected, profile.RmemMax);
            Assert.Equal(expected, profile.WmemMax);
        }

        [Fact]
        public void DefaultProfileIsLinux61WithStockSysctls()
        {
            var profile = KernelProfile.Default;
            Assert.Equal(TargetOs.Linux, profile.Os);
            Assert.Equal(new KernelVersion(6, 1), profile.Version);
            Assert.Equal(212992, profile.RmemMax);
            Assert.Equal(212992, profile.WmemMax);
            Assert.False(profile.TcpAppWinReserve);
            Assert.Equal(Linux(6, 1), profile);
            Assert.Equal("Linux 6.1", profile.Describe());
        }

        [Fact]
        public void WithReplacesOnlyWhatIsGiven()
        {
            var profile = Linux(6, 1).With(rmemMax: 16777216, tcpAppWinReserve: true);
            Assert.Equal(16777216, profile.RmemMax);
            Assert.Equal(212992, profile.WmemMax);
            Assert.True(profile.TcpAppWinReserve);
            Assert.Equal(KernelEra.L34To65, profile.Era);
            Assert.NotEqual(Linux(6, 1), profile);
            Assert.Equal(Linux(6, 1).With(rmemMax: 16777216, tcpAppWinReserve: true), profile);
            Assert.Equal(Linux(6, 1).With(rmemMax: 16777216, tcpAppWinReserve: true).GetHashCode(), profile.GetHashCode());
        }

        [Fact]
        public void MacOSAndWindowsLimits()
        {
            var mac = KernelProfile.MacOS();
            Assert.Equal(TargetOs.MacOS, mac.Os);
            Assert.Equal(8388608, mac.MacMaxSockBuf);
            Assert.Equal(7456540, mac.LimitFor(BufferSide.Receive));
            Assert.Equal(7456540, mac.LimitFor(BufferSide.Send));
            Assert.Equal(1, mac.SmallestKeptValue(BufferSide.Receive));
            Assert.Equal("macOS", mac.Describe());

            var windows = KernelProfile.Windows();
            Assert.Equal(TargetOs.Windows, windows.Os);
            Assert.Equal("Windows", windows.Describe());
        }

        [Theory]
        [InlineData(6, 1, BufferSide.Receive, 1152)] // below 1152 the doubled value is under 2304
        [InlineData(6, 1, BufferSide.Send, 2304)] // below 2304 it is under 4608
        [InlineData(3, 10, BufferSide.Receive, 128)]
        [InlineData(3, 10, BufferSide.Send, 1024)]
        public void SmallestKeptValueMatchesSock005Thresholds(int major, int minor, BufferSide side, long smallest)
        {
            var profile = Linux(major, minor);
            Assert.Equal(smallest, profile.SmallestKeptValue(side));

            var at = WindowModel.Evaluate(profile, new BufferRequest(smallest, side), WindowModelVectorTests.Link(50));
            var below = WindowModel.Evaluate(profile, new BufferRequest(smallest - 1, side), WindowModelVectorTests.Link(50));
            Assert.False(at.RaisedToMinimum);
            Assert.Equal(2 * smallest, at.EffectiveBuffer);
            Assert.True(below.RaisedToMinimum);
            Assert.Equal(2 * smallest, below.EffectiveBuffer);
        }

        private static KernelProfile Linux(int major, int minor) => KernelProfile.Linux(new KernelVersion(major, minor));
    }
}
