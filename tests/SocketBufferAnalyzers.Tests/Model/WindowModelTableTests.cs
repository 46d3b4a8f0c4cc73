using SocketBufferAnalyzers.Model;
using static SocketBufferAnalyzers.Tests.Model.WindowModelVectorTests;

namespace SocketBufferAnalyzers.Tests.Model
{
    /// <summary>
    /// The spec's tables and examples beyond the 22 vectors: §2.3 (locked buffer → scale and Wmax per era),
    /// §3.5 (unlocked scale), §4 (autotuning ceilings), §9 (BDP examples), §1/§7 edge values.
    /// </summary>
    public class WindowModelTableTests
    {
        public static TheoryData<string, long, long, long, int, long> Table23 => BuildTable23();

        [Theory]
        [MemberData(nameof(Table23))]
        public void Section23_LockedBufferToScaleAndWmax(string column, long rmemMax, long requested, long skRcvbuf, int ws, long wmax)
        {
            var profile = Column(column).With(rmemMax: rmemMax);
            var o = Receive(profile, requested, rttMs: 50);

            Assert.Equal(requested > rmemMax, o.Clamped);
            Assert.Equal(skRcvbuf, o.EffectiveBuffer);
            Assert.Equal(ws, o.WindowScale);
            Assert.Equal(wmax, o.MaxWindow);
        }

        [Theory]
        [InlineData(6, 1, 7, 8388480)] // 4096 131072 6291456
        [InlineData(4, 19, 7, 8388480)] // 4096 87380 6291456
        [InlineData(2, 6, 7, 8388480)] // 4096 87380 4194304
        [InlineData(6, 16, 10, 67107840)] // tcp_rmem[2] 32 MiB
        public void Section35_UnlockedWindowScale(int major, int minor, int ws, long representable)
        {
            var profile = Linux(major, minor);
            Assert.Equal(ws, WindowModel.UnlockedWindowScale(profile));
            Assert.Equal(representable, WindowModel.MaxUnscaledWindow << ws);

            // Set after connect: the scale is the one negotiated unlocked.
            Assert.Equal(ws, Receive(profile, 65536, rttMs: 50, SetTiming.AfterConnect).WindowScale);
        }

        [Fact]
        public void Section32_RaisingRmemMaxRaisesTheUnlockedScale()
        {
            Assert.Equal(9, WindowModel.UnlockedWindowScale(Linux(6, 1).With(rmemMax: 16777216)));
            Assert.Equal(11, WindowModel.UnlockedWindowScale(Linux(6, 1).With(rmemMax: 67108864)));
        }

        [Theory]
        [InlineData(2, 6, 3145728)] // ¾ × 4 MiB
        [InlineData(3, 4, 3145728)] // ½ × 6 MiB
        [InlineData(6, 1, 3145728)]
        [InlineData(6, 6, 4153344)] // learned 169/256 × 6 MiB ("≈4.15 MB")
        [InlineData(6, 10, 4153344)]
        [InlineData(6, 12, 4153344)]
        [InlineData(6, 16, 22151168)] // 169/256 × 32 MiB ("≈22.1 MB")
        public void Section4_AutotuneCeilings(int major, int minor, long ceiling)
        {
            var profile = Linux(major, minor);
            Assert.Equal(ceiling, WindowModel.ReceiveAutotuneCeiling(profile));
            Assert.Equal(profile.TcpRmem.Max, Receive(profile, 8192, rttMs: 50).AutotuneBufferCeiling);
        }

        [Fact]
        public void Section9_Example1_1Gbit1ms_FitsUnderRmemMax()
        {
            var o = WindowModel.Evaluate(Linux(6, 1), new BufferRequest(125000, BufferSide.Receive), new LinkProfile(1_000_000_000, 1_000));
            Assert.False(o.Clamped);
            Assert.Equal(250000, o.EffectiveBuffer);
            Assert.Equal(125000, o.MaxWindow);
            Assert.Equal(1, o.WindowScale);
            Assert.True(o.MaxWindow <= 131070);

            Assert.Equal(83334, WindowModel.Recommend(Linux(2, 6), BufferSide.Receive, new LinkProfile(1_000_000_000, 1_000)).RequiredValue);
        }

        [Fact]
        public void Section9_Example3_10Gbit100ms_RaiseSysctl()
        {
            var link = new LinkProfile(10_000_000_000, 100_000);
            var r = WindowModel.Recommend(Linux(6, 1), BufferSide.Receive, link);
            Assert.Equal(125000000, r.BdpBytes);
            Assert.Equal(RecommendationKind.RaiseSysctl, r.Kind);
            Assert.Equal(212992, r.Value); // capped at the kernel limit
            AssertMbit(251.7, r.AutotuneWindowCeiling / link.RttSeconds, 0.05);

            var raised = WindowModel.Recommend(Linux(6, 1).With(rmemMax: 134217728), BufferSide.Receive, link);
            Assert.Equal(RecommendationKind.SetValue, raised.Kind);
            Assert.Equal(125000000, raised.Value);
        }

        [Fact]
        public void Section9_ReservationAddsOneSegmentToTheRecommendation()
        {
            var r = WindowModel.Recommend(Linux(6, 1).With(tcpAppWinReserve: true), BufferSide.Receive, new LinkProfile(100_000_000, 10_000));
            Assert.Equal(125000, r.BdpBytes);
            Assert.Equal(126448, r.RequiredValue);
        }

        [Fact]
        public void Section9_Kafka64KiB_20ms()
        {
            AssertMbit(26.2, Receive(Linux(6, 1), 65536, rttMs: 20).ThroughputCap, 0.05);
            AssertMbit(13.3, Receive(Linux(6, 6), 65536, rttMs: 20).ThroughputCap, 0.05);
        }

        [Fact]
        public void Section33_AfterConnect_ClampAtEstablishmentPerEra()
        {
            // ≤ 6.10: initial ratio × tcp_rmem[1]; 6.11+: learned ratio × tcp_rmem[1], no reservation.
            Assert.Equal(43690, Receive(Linux(4, 19), 1048576, 50, SetTiming.AfterConnect).ClampAtEstablishment);
            Assert.Equal(65536, Receive(Linux(6, 1), 1048576, 50, SetTiming.AfterConnect).ClampAtEstablishment);
            Assert.Equal(33280, Receive(Linux(6, 6), 1048576, 50, SetTiming.AfterConnect).ClampAtEstablishment);
            Assert.Equal(65536, Receive(Linux(6, 10), 1048576, 50, SetTiming.AfterConnect).ClampAtEstablishment);
            Assert.Equal(86528, Receive(Linux(6, 12), 1048576, 50, SetTiming.AfterConnect).ClampAtEstablishment);
            Assert.Equal(86528, Receive(Linux(6, 12).With(tcpAppWinReserve: true), 1048576, 50, SetTiming.AfterConnect).ClampAtEstablishment);
            Assert.Equal(64088, Receive(Linux(6, 10).With(tcpAppWinReserve: true), 1048576, 50, SetTiming.AfterConnect).ClampAtEstablishment);
        }

        [Fact]
        public void Section33_LoweringAfterConnectTakesEffect_NoSock004()
        {
            var o = Receive(Linux(6, 1), 8192, rttMs: 50, SetTiming.AfterConnect);
            Assert.Equal(8192, o.MaxWindow);
            Assert.Equal(o.MaxWindowBefore, o.MaxWindowAfter);
        }

        [Fact]
        public void Forgone_ZeroAtOrAboveTheAutotuningCeiling()
        {
            var o = Receive(Linux(6, 1).With(rmemMax: 16777216), 4194304, rttMs: 50);
            Assert.Equal(4194304, o.MaxWindow);
            Assert.Equal(0, o.Forgone);
            Assert.False(o.AutotuningForgone);

            // Forgone compares the window as if set before connecting, whatever the timing.
            var after = Receive(Linux(6, 1).With(rmemMax: 16777216), 4194304, rttMs: 50, SetTiming.AfterConnect);
            Assert.Equal(0, after.Forgone);
        }

        [Fact]
        public void Send_ForgoneOnlyBelowTcpWmemMax()
        {
            var profile = Linux(6, 1).With(wmemMax: 16777216);
            var full = WindowModel.Evaluate(profile, new BufferRequest(2097152, BufferSide.Send), Link(20));
            Assert.Equal(4194304, full.EffectiveBuffer);
            Assert.False(full.AutotuningForgone);
            Assert.Equal(0, full.Forgone);

            var smaller = WindowModel.Evaluate(profile, new BufferRequest(2097151, BufferSide.Send), Link(20));
            Assert.True(smaller.AutotuningForgone);
            Assert.True(smaller.Forgone > 0);

            var odd = WindowModel.Evaluate(profile.With(tcpWmem: new TcpMem(4096, 16384, 4194305)), new BufferRequest(2097152, BufferSide.Send), Link(20));
            Assert.True(odd.AutotuningForgone);
            Assert.True(odd.Forgone > 0);
        }

        [Fact]
        public void Send_AfterConnectBehavesAsBefore()
        {
            var before = WindowModel.Evaluate(Linux(6, 1), new BufferRequest(65536, BufferSide.Send, timing: SetTiming.BeforeConnect), Link(20));
            var after = WindowModel.Evaluate(Linux(6, 1), new BufferRequest(65536, BufferSide.Send, timing: SetTiming.AfterConnect), Link(20));
            Assert.Equal(before.EffectiveBuffer, after.EffectiveBuffer);
            Assert.Equal(before.MaxWindow, after.MaxWindow);
            Assert.Equal(after.MaxWindowBefore, after.MaxWindowAfter);
        }

        [Theory]
        [InlineData(SetterApi.TcpClientProperty, BufferSide.Receive, -1, 425984)] // §7: TcpClient −1 → 2 × rmem_max
        [InlineData(SetterApi.SetSocketOption, BufferSide.Receive, -5, 425984)] // §7: SetSocketOption −5 → 2 × rmem_max
        [InlineData(SetterApi.SetSocketOption, BufferSide.Receive, int.MinValue, 425984)]
        [InlineData(SetterApi.SocketProperty, BufferSide.Send, 0, 4608)] // §7: send 0 → 4608
        [InlineData(SetterApi.SocketProperty, BufferSide.Receive, 1151, 2304)]
        [InlineData(SetterApi.SocketProperty, BufferSide.Receive, 212992, 425984)]
        [InlineData(SetterApi.SocketProperty, BufferSide.Receive, 212993, 425984)]
        [InlineData(SetterApi.SocketProperty, BufferSide.Receive, int.MaxValue, 425984)] // msquic INT32_MAX
        public void Section1_ClampDoubleFloor(SetterApi api, BufferSide side, long value, long effective)
        {
            var o = WindowModel.Evaluate(Linux(6, 1), new BufferRequest(value, side, SocketKind.Tcp, SetTiming.BeforeConnect, api), Link(50));
            Assert.Equal(effective, o.EffectiveBuffer);
            Assert.Equal(value < 0 || value > 212992, o.Clamped);
        }

        [Fact]
        public void Section1_ForceSkipsTheClamp_NegativeFlooredToZero()
        {
            var negative = WindowModel.Evaluate(Linux(6, 1), new BufferRequest(-5, BufferSide.Receive, force: true), Link(50));
            Assert.False(negative.Clamped);
            Assert.Equal(2304, negative.EffectiveBuffer);
            Assert.True(negative.RaisedToMinimum);

            // INT_MAX/2 overflow guard, then doubling.
            var huge = WindowModel.Evaluate(Linux(6, 1), new BufferRequest(int.MaxValue, BufferSide.Receive, force: true), Link(50));
            Assert.Equal(2L * (int.MaxValue / 2), huge.EffectiveBuffer);
        }

        [Fact]
        public void Section1_Before311_OldMinimums()
        {
            Assert.Equal(256, Receive(Linux(3, 10), 0, rttMs: 50).EffectiveBuffer);
            Assert.Equal(2048, WindowModel.Evaluate(Linux(3, 10), new BufferRequest(0, BufferSide.Send), Link(50)).EffectiveBuffer);
        }

        [Fact]
        public void Reservation_NeverTurnsATinyWindowNegative()
        {
            // §3.4: one segment is reserved only when the clamp exceeds two segments.
            var profile = Linux(6, 1).With(tcpAppWinReserve: true);
            var zero = Receive(profile, 0, rttMs: 20);
            Assert.Equal(1152, zero.MaxWindow);
            Assert.True(zero.ThroughputCap > 0);

            Assert.Equal(1448, Receive(profile, 1448, rttMs: 20).MaxWindow);

            for (long v = 0; v <= 8192; v += 64)
            {
                var o = Receive(profile, v, rttMs: 20);
                Assert.True(o.MaxWindow > 0, "v=" + v);
                Assert.True(o.MaxWindow <= Receive(Linux(6, 1), v, rttMs: 20).MaxWindow, "v=" + v);
            }
        }

        [Theory]
        [InlineData(SocketKind.Udp, false)]
        [InlineData(SocketKind.Other, false)]
        [InlineData(SocketKind.Tcp, true)]
        [InlineData(SocketKind.Unknown, true)]
        public void SocketKind_OnlyTcpAndUnknownAreLocked(SocketKind kind, bool locked)
        {
            var o = WindowModel.Evaluate(Linux(6, 1), new BufferRequest(32768, BufferSide.Receive, kind), Link(50));
            Assert.Equal(65536, o.EffectiveBuffer);
            Assert.Equal(locked, o.Locked);
            Assert.Equal(locked, o.AutotuningForgone);
        }

        [Fact]
        public void Windows_NotDoubled()
        {
            var o = Receive(KernelProfile.Windows(), 65536, rttMs: 50);
            Assert.Equal(65536, o.EffectiveBuffer);
            Assert.Null(o.OsError);
            Assert.True(o.AutotuningForgone);
        }

        [Fact]
        public void MacOS_TcpClientNegative_Einval()
        {
            var o = WindowModel.Evaluate(KernelProfile.MacOS(), new BufferRequest(-1, BufferSide.Receive, api: SetterApi.TcpClientProperty), Link(50));
            Assert.False(o.ManagedThrow);
            Assert.Equal("EINVAL", o.OsError);
        }

        [Fact]
        public void Evaluate_IsPure()
        {
            var a = Receive(Linux(6, 12), 65536, rttMs: 20, SetTiming.AfterConnect);
            var b = Receive(Linux(6, 12), 65536, rttMs: 20, SetTiming.AfterConnect);
            Assert.Equal(a.MaxWindow, b.MaxWindow);
            Assert.Equal(a.WindowScale, b.WindowScale);
            Assert.Equal(a.ThroughputCap, b.ThroughputCap);
        }

        [Theory]
        [InlineData(0, -1)]
        [InlineData(1, 0)]
        [InlineData(65535, 15)]
        [InlineData(65536, 16)]
        [InlineData(125000000, 26)]
        public void Ilog2(long value, int expected) => Assert.Equal(expected, WindowModel.Ilog2(value));

        private static KernelProfile Column(string column) => column switch
        {
            "a" => Linux(2, 6),
            "b" => Linux(6, 1),
            "c1" => Linux(6, 6),
            "c2" => Linux(6, 10),
            "c3" => Linux(6, 12).With(ratioLearned: 169),
            _ => throw new System.ArgumentOutOfRangeException(nameof(column)),
        };

        private static TheoryData<string, long, long, long, int, long> BuildTable23()
        {
            var data = new TheoryData<string, long, long, long, int, long>();
            var columns = new[] { "a", "b", "c1", "c2", "c3" };

            // (i) rmem_max 212 992; (ii) "rmem_max raised (≥ request, e.g. 16 MiB): 8/32/64 KiB rows are unchanged".
            foreach (var rmemMax in new long[] { 212992, 16777216 })
            {
                AddRow(data, columns, rmemMax, 8192, 16384, new[] { 0, 0, 0, 0, 0 }, new long[] { 12288, 8192, 4160, 8192, 10816 });
                AddRow(data, columns, rmemMax, 32768, 65536, new[] { 0, 0, 0, 0, 0 }, new long[] { 49152, 32768, 16640, 32768, 43264 });
                AddRow(data, columns, rmemMax, 65536, 131072, new[] { 1, 1, 0, 1, 1 }, new long[] { 98304, 65536, 33280, 65536, 86528 });
            }

            foreach (var requested in new long[] { 262144, 1048576, 4194304 })
            {
                AddRow(data, columns, 212992, requested, 425984, new[] { 3, 2, 1, 2, 2 }, new long[] { 319488, 212992, 108160, 212992, 262140 });
            }

            AddRow(data, columns, 16777216, 262144, 524288, new[] { 3, 3, 2, 3, 3 }, new long[] { 393216, 262144, 133120, 262144, 346112 });
            AddRow(data, columns, 16777216, 1048576, 2097152, new[] { 5, 5, 4, 5, 5 }, new long[] { 1572864, 1048576, 532480, 1048576, 1384448 });
            AddRow(data, columns, 16777216, 4194304, 8388608, new[] { 7, 7, 6, 7, 7 }, new long[] { 6291456, 4194304, 2129920, 4194304, 5537792 });
            return data;
        }

        private static void AddRow(TheoryData<string, long, long, long, int, long> data, string[] columns, long rmemMax, long requested, long sk, int[] ws, long[] wmax)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                data.Add(columns[i], rmemMax, requested, sk, ws[i], wmax[i]);
            }
        }
    }
}
