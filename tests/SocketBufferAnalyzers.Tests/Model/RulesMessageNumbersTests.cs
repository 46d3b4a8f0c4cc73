using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Tests.Model
{
    /// <summary>
    /// The numbers in rules.md's example messages, for the default profile (Linux 6.1, rmem_max 212992, RTT 50 ms).
    /// </summary>
    public class RulesMessageNumbersTests
    {
        private static readonly KernelProfile Profile = KernelProfile.Default;
        private static readonly LinkProfile Link = LinkProfile.Default;

        [Fact]
        public void DefaultsAreTheMessageProfile()
        {
            Assert.Equal(new KernelVersion(6, 1), Profile.Version);
            Assert.Equal(212992, Profile.RmemMax);
            Assert.Equal(50_000, Link.RttMicroseconds);
            Assert.Equal("50 ms", Units.Duration(Link.RttMicroseconds));
        }

        [Fact]
        public void Sock001_32KiB()
        {
            // "Receive buffer fixed at 32 KiB: Linux allocates 64 KiB, advertises at most a 32 KiB window and stops
            //  autotuning that could grow the buffer to 6 MiB; at 50 ms RTT one connection tops out at 5.2 Mbit/s."
            var o = WindowModel.Evaluate(Profile, new BufferRequest(32768, BufferSide.Receive, SocketKind.Tcp), Link);

            Assert.Equal("32 KiB", Units.Bytes(o.Request.Value));
            Assert.Equal("64 KiB", Units.Bytes(o.EffectiveBuffer));
            Assert.Equal("32 KiB", Units.Bytes(o.MaxWindow));
            Assert.Equal("6 MiB", Units.Bytes(o.AutotuneBufferCeiling));
            Assert.Equal("5.2 Mbit/s", Units.Rate(o.ThroughputCap));
            Assert.True(o.Locked);
            Assert.True(o.AutotuningForgone);
            Assert.False(o.Clamped);
        }

        [Fact]
        public void Sock007_32KiBDefault_SameNumbersAsSock001()
        {
            // "... gets a 64 KiB locked buffer, at most a 32 KiB window and no autotuning to 6 MiB; at 50 ms RTT 5.2 Mbit/s"
            var o = WindowModel.Evaluate(Profile, new BufferRequest(32 * 1024, BufferSide.Receive, SocketKind.Unknown), Link);

            Assert.Equal("64 KiB", Units.Bytes(o.EffectiveBuffer));
            Assert.Equal("32 KiB", Units.Bytes(o.MaxWindow));
            Assert.Equal("6 MiB", Units.Bytes(o.AutotuneBufferCeiling));
            Assert.Equal("5.2 Mbit/s", Units.Rate(o.ThroughputCap));
            Assert.True(o.AutotuningForgone);
        }

        [Fact]
        public void Sock004_131072AfterConnect()
        {
            // "on Linux 6.1 the window stays at the clamp fixed when the connection was established (64 KiB),
            //  so the 128 KiB window it asks for is never advertised"
            var o = WindowModel.Evaluate(Profile, new BufferRequest(131072, BufferSide.Receive, SocketKind.Tcp, SetTiming.AfterConnect), Link);

            Assert.Equal("64 KiB", Units.Bytes(o.ClampAtEstablishment));
            Assert.Equal("128 KiB", Units.Bytes(o.MaxWindowBefore));
            Assert.Equal(65536, o.MaxWindowAfter);
            Assert.Equal(65536, o.MaxWindow);
            Assert.True(o.MaxWindowBefore > o.MaxWindowAfter);
            Assert.Equal("Linux 6.1", Profile.Describe());
        }

        [Fact]
        public void Sock003_Udp7MiB()
        {
            // "Receive buffer of 7 MiB is above net.core.rmem_max (208 KiB): Linux silently clamps it and reports 416 KiB"
            var o = WindowModel.Evaluate(Profile, new BufferRequest(7340032, BufferSide.Receive, SocketKind.Udp), Link);

            Assert.Equal("7 MiB", Units.Bytes(o.Request.Value));
            Assert.True(o.Clamped);
            Assert.Equal("208 KiB", Units.Bytes(o.Limit));
            Assert.Equal("416 KiB", Units.Bytes(o.EffectiveBuffer));
        }

        [Fact]
        public void Sock003_MacOSLimit()
        {
            // "on macOS the limit is maxsockbuf × 2048 / 2304 (7 456 540 for the default 8 MiB) and ... the call throws (ENOBUFS)"
            var o = WindowModel.Evaluate(KernelProfile.MacOS(), new BufferRequest(7340032 + 1048576, BufferSide.Receive, SocketKind.Udp), Link);
            Assert.Equal(7456540, o.Limit);
            Assert.Equal("ENOBUFS", o.OsError);
        }
    }
}
