using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Tests.Model
{
    /// <summary>
    /// The 22 worked test vectors of window-model.md ("Test vectors"). Every expected figure is the spec's,
    /// computed by hand there; rates quoted in Mbit/s by the spec are checked to the precision it rounds to.
    /// Eras: L26 = 2.6, L34_65 = 6.1 (4.20+ defaults, 3.11+ minimums), L66_69 = 6.6, L611 = 6.12, L616 = 6.16.
    /// </summary>
    public class WindowModelVectorTests
    {
        private static readonly KernelProfile L26 = Linux(2, 6);
        private static readonly KernelProfile L34To65 = Linux(6, 1);
        private static readonly KernelProfile L66To69 = Linux(6, 6);
        private static readonly KernelProfile L611 = Linux(6, 12).With(ratioLearned: 169);
        private static readonly KernelProfile L616 = Linux(6, 16).With(ratioLearned: 169);

        [Fact]
        public void Vector01_L34To65_8KiB_Before_20ms()
        {
            var profile = L34To65.With(rmemMax: 212992);
            var o = Receive(profile, 8192, rttMs: 20);

            Assert.Equal(KernelEra.L34To65, profile.Era);
            Assert.False(o.Clamped);
            Assert.True(o.Locked);
            Assert.Equal(16384, o.EffectiveBuffer);
            Assert.Equal(0, o.WindowScale);
            Assert.Equal(8192, o.MaxWindow);
            AssertBytesPerSecond(409600, o.ThroughputCap);
            AssertMbit(3.28, o.ThroughputCap, 0.005);
            Assert.Equal(3145728, o.AutotuneWindowCeiling);
            Assert.Equal(3137536, o.Forgone);
            Assert.True(o.AutotuningForgone);
        }

        [Fact]
        public void Vector02_L34To65_8KiB_WithSegmentReservation()
        {
            var profile = L34To65.With(rmemMax: 212992, tcpAppWinReserve: true);
            var o = Receive(profile, 8192, rttMs: 20);

            Assert.Equal(16384, o.EffectiveBuffer);
            Assert.Equal(6744, o.MaxWindow);
            AssertBytesPerSecond(337200, o.ThroughputCap);
            AssertMbit(2.70, o.ThroughputCap, 0.005);
        }

        [Fact]
        public void Vector03_L26_8KiB_ThreeQuarters()
        {
            var profile = L26.With(rmemMax: 212992);
            var o = Receive(profile, 8192, rttMs: 20);

            Assert.Equal(KernelEra.L26, profile.Era);
            Assert.Equal(16384, o.EffectiveBuffer);
            Assert.Equal(0, o.WindowScale);
            Assert.Equal(12288, o.MaxWindow);
            AssertBytesPerSecond(614400, o.ThroughputCap);
            AssertMbit(4.92, o.ThroughputCap, 0.005);
            Assert.Equal(3145728, o.AutotuneWindowCeiling);
        }

        [Fact]
        public void Vector04_L611_LearnedRatio169_8KiB()
        {
            var o = Receive(L611, 8192, rttMs: 20);

            Assert.Equal(KernelEra.L611To615, L611.Era);
            Assert.Equal(16384, o.EffectiveBuffer);
            Assert.Equal(0, o.WindowScale);
            Assert.Equal(10816, o.MaxWindow);
            AssertBytesPerSecond(540800, o.ThroughputCap);
            AssertMbit(4.33, o.ThroughputCap, 0.005);
        }

        [Fact]
        public void Vector05_L34To65_1MiB_ClampedAtStockRmemMax()
        {
            var o = Receive(L34To65.With(rmemMax: 212992), 1048576, rttMs: 50);

            Assert.True(o.Clamped);
            Assert.Equal(425984, o.EffectiveBuffer);
            Assert.Equal(2, o.WindowScale);
            Assert.Equal(212992, o.MaxWindow);
            AssertBytesPerSecond(4259840, o.ThroughputCap);
            AssertMbit(34.08, o.ThroughputCap, 0.005);
        }

        [Fact]
        public void Vector06_L34To65_1MiB_RaisedRmemMax()
        {
            var o = Receive(L34To65.With(rmemMax: 16777216), 1048576, rttMs: 50);

            Assert.False(o.Clamped);
            Assert.Equal(2097152, o.EffectiveBuffer);
            Assert.Equal(5, o.WindowScale);
            Assert.Equal(1048576, o.MaxWindow);
            Assert.True(65535L << 5 == 2097120 && o.MaxWindow <= 2097120);
            AssertBytesPerSecond(20971520, o.ThroughputCap);
            AssertMbit(167.8, o.ThroughputCap, 0.05);
        }

        [Fact]
        public void Vector07_L611_256KiB_WindowScaleBound()
        {
            var o = Receive(L611.With(rmemMax: 212992), 262144, rttMs: 10);

            Assert.True(o.Clamped);
            Assert.Equal(425984, o.EffectiveBuffer);
            Assert.Equal(2, o.WindowScale);
            Assert.Equal(262140, o.MaxWindow);
            AssertBytesPerSecond(26214000, o.ThroughputCap);
            AssertMbit(209.7, o.ThroughputCap, 0.05);
        }

        [Fact]
        public void Vector08_L66To69_64KiB_InitialRatio65()
        {
            var o = Receive(L66To69, 65536, rttMs: 20);

            Assert.Equal(KernelEra.L66To69, L66To69.Era);
            Assert.Equal(131072, o.EffectiveBuffer);
            Assert.Equal(0, o.WindowScale);
            Assert.Equal(33280, o.MaxWindow);
            AssertBytesPerSecond(1664000, o.ThroughputCap);
            AssertMbit(13.3, o.ThroughputCap, 0.05);
        }

        [Fact]
        public void Vector09_TcpClient_MinusOne_SilentlyMaximum()
        {
            var request = new BufferRequest(-1, BufferSide.Receive, SocketKind.Tcp, SetTiming.BeforeConnect, SetterApi.TcpClientProperty);
            var o = WindowModel.Evaluate(L34To65.With(rmemMax: 212992), request, Link(20));

            Assert.False(o.ManagedThrow);
            Assert.Null(o.OsError);
            Assert.True(o.Clamped);
            Assert.Equal(425984, o.EffectiveBuffer);
        }

        [Theory]
        [InlineData(TargetOs.Linux)]
        [InlineData(TargetOs.MacOS)]
        [InlineData(TargetOs.Windows)]
        public void Vector10_SocketProperty_MinusOne_ThrowsBeforeAnySyscall(TargetOs os)
        {
            var profile = os switch
            {
                TargetOs.MacOS => KernelProfile.MacOS(),
                TargetOs.Windows => KernelProfile.Windows(),
                _ => KernelProfile.Default,
            };
            var request = new BufferRequest(-1, BufferSide.Receive, SocketKind.Tcp, SetTiming.BeforeConnect, SetterApi.SocketProperty);
            var o = WindowModel.Evaluate(profile, request, Link(20));

            Assert.True(o.ManagedThrow);

            // "no syscall": the OS never sees the value, so it cannot report an error for it.
            Assert.Null(o.OsError);
        }

        [Fact]
        public void Vector11_Zero_RaisedToKernelMinimum_AndEinvalOnMacOS()
        {
            var o = Receive(L34To65, 0, rttMs: 20);

            Assert.True(o.RaisedToMinimum);
            Assert.Equal(2304, o.EffectiveBuffer);
            Assert.Equal(0, o.WindowScale);
            Assert.Equal(1152, o.MaxWindow);
            AssertBytesPerSecond(57600, o.ThroughputCap);
            AssertMbit(0.46, o.ThroughputCap, 0.005);

            var mac = Receive(KernelProfile.MacOS(), 0, rttMs: 20);
            Assert.Equal("EINVAL", mac.OsError);
            Assert.False(mac.ManagedThrow);
        }

        [Fact]
        public void Vector12_Udp_QuicGo7MiB_Clamped()
        {
            var request = new BufferRequest(7340032, BufferSide.Receive, SocketKind.Udp);
            var o = WindowModel.Evaluate(L34To65.With(rmemMax: 212992), request, Link(50));

            Assert.True(o.Clamped);
            Assert.False(o.Locked);
            Assert.Equal(425984, o.EffectiveBuffer);

            // quic-go: "was: 208 kiB, wanted: 7168 kiB, got: 416 kiB".
            Assert.Equal(208, o.Limit / 1024);
            Assert.Equal(7168, request.Value / 1024);
            Assert.Equal(416, o.EffectiveBuffer / 1024);
        }

        [Fact]
        public void Vector13_Udp_QuicGo7MiB_Force_NotClamped()
        {
            var request = new BufferRequest(7340032, BufferSide.Receive, SocketKind.Udp, force: true);
            var o = WindowModel.Evaluate(L34To65.With(rmemMax: 212992), request, Link(50));

            Assert.False(o.Clamped);
            Assert.Equal(14680064, o.EffectiveBuffer);
            Assert.Equal(14336, o.EffectiveBuffer / 1024);
        }

        [Fact]
        public void Vector14_MacOS_EnobufsAboveLimit_NotDoubledBelow()
        {
            var mac = KernelProfile.MacOS(8388608);
            Assert.Equal(7456540, mac.MacLimit);

            var tooLarge = Receive(mac, 8388608, rttMs: 50);
            Assert.Equal("ENOBUFS", tooLarge.OsError);
            Assert.Equal(7456540, tooLarge.Limit);

            var kept = Receive(mac, 4194304, rttMs: 50);
            Assert.Null(kept.OsError);
            Assert.Equal(4194304, kept.EffectiveBuffer);
            Assert.True(kept.Locked);
            Assert.True(kept.AutotuningForgone);

            // The limit itself is the largest accepted value (§6).
            Assert.Null(Receive(mac, 7456540, rttMs: 50).OsError);
            Assert.Equal("ENOBUFS", Receive(mac, 7456541, rttMs: 50).OsError);
        }

        [Fact]
        public void Vector15_1Gbit_1ms_RemoveSetting()
        {
            var r = WindowModel.Recommend(L34To65.With(rmemMax: 212992), BufferSide.Receive, new LinkProfile(1_000_000_000, 1_000));

            Assert.Equal(125000, r.BdpBytes);
            Assert.Equal(125000, r.RequiredValue);
            Assert.True(r.RequiredValue <= 212992);
            Assert.Equal(3145728, r.AutotuneWindowCeiling);
            Assert.Equal(RecommendationKind.RemoveSetting, r.Kind);
        }

        [Fact]
        public void Vector16_100Mbit_50ms_ClampedIfHardCoded_RemoveSetting()
        {
            var profile = L34To65.With(rmemMax: 212992);
            var link = new LinkProfile(100_000_000, 50_000);
            var r = WindowModel.Recommend(profile, BufferSide.Receive, link);

            Assert.Equal(625000, r.BdpBytes);
            Assert.Equal(625000, r.RequiredValue);
            Assert.True(r.RequiredValue > profile.RmemMax);
            Assert.True(r.AutotuneWindowCeiling >= r.BdpBytes);
            Assert.Equal(RecommendationKind.RemoveSetting, r.Kind);

            var hardCoded = WindowModel.Evaluate(profile, new BufferRequest(r.RequiredValue, BufferSide.Receive), link);
            Assert.True(hardCoded.Clamped);
            Assert.Equal(212992, hardCoded.MaxWindow);
            AssertMbit(34.1, hardCoded.ThroughputCap, 0.05);
        }

        [Fact]
        public void Vector17_L26_100Mbit_50ms_RecommendV()
        {
            var r = WindowModel.Recommend(L26, BufferSide.Receive, new LinkProfile(100_000_000, 50_000));

            Assert.Equal(625000, r.BdpBytes);
            Assert.Equal(416667, r.RequiredValue);
        }

        [Fact]
        public void Vector18_L616_10Gbit_100ms_RaiseSysctl()
        {
            var link = new LinkProfile(10_000_000_000, 100_000);
            var r = WindowModel.Recommend(L616, BufferSide.Receive, link);

            Assert.Equal(KernelEra.L616Plus, L616.Era);
            Assert.Equal(33554432, L616.TcpRmem.Max);
            Assert.Equal(125000000, r.BdpBytes);
            Assert.Equal(22151168, r.AutotuneWindowCeiling);
            Assert.Equal(1.77, r.AutotuneWindowCeiling * 8 / link.RttSeconds / 1e9, 2);
            Assert.Equal(125000000, r.RequiredValue);
            Assert.True(r.RequiredValue > L616.RmemMax);
            Assert.Equal(RecommendationKind.RaiseSysctl, r.Kind);

            // If set with rmem_max >= 125e6: scale 11 and the window bound by 65535 << 11.
            var o = WindowModel.Evaluate(L616.With(rmemMax: 125000000), new BufferRequest(125000000, BufferSide.Receive), link);
            Assert.False(o.Clamped);
            Assert.Equal(250000000, o.EffectiveBuffer);
            Assert.Equal(11, o.WindowScale);
            Assert.Equal(134215680, o.MaxWindow);
            Assert.Equal(22151168, o.AutotuneWindowCeiling);
        }

        [Fact]
        public void Vector19_L34To65_4MiBAfterConnect_StuckAtEstablishmentClamp()
        {
            var profile = L34To65.With(rmemMax: 16777216, tcpAppWinReserve: true);
            var o = Receive(profile, 4194304, rttMs: 50, SetTiming.AfterConnect);

            Assert.Equal(8388608, o.EffectiveBuffer);
            Assert.Equal(9, o.WindowScale);
            Assert.Equal(64088, o.ClampAtEstablishment);
            Assert.Equal(64088, o.MaxWindow);
            AssertBytesPerSecond(1281760, o.ThroughputCap);
            AssertMbit(10.3, o.ThroughputCap, 0.05);
        }

        [Fact]
        public void Vector20_L34To65_16MiB_BeforeVersusAfter()
        {
            var profile = L34To65.With(rmemMax: 67108864, tcpAppWinReserve: true);

            var before = Receive(profile, 16777216, rttMs: 50, SetTiming.BeforeConnect);
            Assert.Equal(33554432, before.EffectiveBuffer);
            Assert.Equal(9, before.WindowScale);
            Assert.Equal(16775768, before.MaxWindow);
            AssertBytesPerSecond(335515360, before.ThroughputCap);
            Assert.Equal(2.68, before.ThroughputCap * 8 / 1e9, 2);

            var after = Receive(profile, 16777216, rttMs: 50, SetTiming.AfterConnect);
            Assert.Equal(33554432, after.EffectiveBuffer);
            Assert.Equal(11, after.WindowScale);
            Assert.Equal(64088, after.MaxWindow);
            AssertBytesPerSecond(1281760, after.ThroughputCap);
            AssertMbit(10.3, after.ThroughputCap, 0.05);

            // SOCK004 fires: Wmax (Before) > Wmax (After), both with the same reserve.
            Assert.Equal(16775768, after.MaxWindowBefore);
            Assert.Equal(64088, before.MaxWindowAfter);
            Assert.True(after.MaxWindowBefore > after.MaxWindowAfter);
        }

        [Fact]
        public void Vector21_Send_64KiB_20ms()
        {
            var profile = L34To65.With(wmemMax: 212992);
            var o = WindowModel.Evaluate(profile, new BufferRequest(65536, BufferSide.Send), Link(20));

            Assert.Equal(131072, o.EffectiveBuffer);
            Assert.True(o.Locked);
            AssertBytesPerSecond(3276800, o.ThroughputCap);
            AssertMbit(26.2, o.ThroughputCap, 0.05);
            AssertMbit(17.3, o.SendCapLow, 0.05);
            AssertMbit(49.8, o.SendCapHigh, 0.05);

            // Send autotuning (to tcp_wmem[2] = 4 MiB) is off: forgone.
            Assert.Equal(4194304, o.AutotuneBufferCeiling);
            Assert.True(o.AutotuningForgone);
            Assert.True(o.Forgone > 0);
        }

        [Fact]
        public void Vector22_ListenerSetting_InheritedByAcceptedChild()
        {
            // The listener's setting (before or after listen) is what the child's SYN-ACK was built from: "Before".
            var o = Receive(L34To65, 65536, rttMs: 50);
            Assert.Equal(131072, o.EffectiveBuffer);
            Assert.True(o.Locked);
            Assert.Equal(1, o.WindowScale);
            Assert.Equal(65536, o.MaxWindow);

            // No era can advertise more than 65535 << 1 with the inherited scale.
            Assert.Equal(131070, WindowModel.MaxUnscaledWindow << o.WindowScale);

            var reserved = Receive(L34To65.With(tcpAppWinReserve: true), 65536, rttMs: 50);
            Assert.Equal(1, reserved.WindowScale);
            Assert.Equal(64088, reserved.MaxWindow);
        }

        internal static KernelProfile Linux(int major, int minor) => KernelProfile.Linux(new KernelVersion(major, minor));

        internal static LinkProfile Link(int rttMs) => new LinkProfile(1_000_000_000, rttMs * 1000L);

        internal static BufferOutcome Receive(KernelProfile profile, long value, int rttMs, SetTiming timing = SetTiming.BeforeConnect) =>
            WindowModel.Evaluate(profile, new BufferRequest(value, BufferSide.Receive, SocketKind.Tcp, timing), Link(rttMs));

        /// <summary>Exact figures in bytes per second, allowing only floating-point noise.</summary>
        internal static void AssertBytesPerSecond(double expected, double actual) =>
            Assert.InRange(actual, expected - 0.01, expected + 0.01);

        /// <summary>A rate the spec quotes rounded, in Mbit/s.</summary>
        internal static void AssertMbit(double expectedMbit, double bytesPerSecond, double tolerance) =>
            Assert.InRange(bytesPerSecond * 8 / 1e6, expectedMbit - tolerance, expectedMbit + tolerance);
    }
}
