using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Tests.Model
{
    /// <summary>
    /// The numbers in the rule pages' example messages (issue 13 shape), for the default profile (Linux 6.1, rmem_max 212992, RTT 50 ms).
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
            // "Receive buffer fixed at 32 KiB: Linux doubles it to 64 KiB (half is overhead) and stops autotuning;
            //  one connection tops out at 5.2 Mbit/s at 50 ms RTT (autotuned: 503 Mbit/s)."
            var o = WindowModel.Evaluate(Profile, new BufferRequest(32768, BufferSide.Receive, SocketKind.Tcp), Link);

            Assert.Equal("32 KiB", Units.Bytes(o.Request.Value));
            Assert.Equal("64 KiB", Units.Bytes(o.EffectiveBuffer));
            Assert.Equal("32 KiB", Units.Bytes(o.MaxWindow));
            Assert.Equal("6 MiB", Units.Bytes(o.AutotuneBufferCeiling));
            Assert.Equal("5.2 Mbit/s", Units.Rate(o.ThroughputCap));
            Assert.Equal(o.EffectiveBuffer / 2, o.MaxWindow);
            Assert.Equal(3 * 1024 * 1024, o.AutotuneWindowCeiling);
            Assert.Equal("503 Mbit/s", Units.Rate(o.AutotuneWindowCeiling / Link.RttSeconds));
            Assert.True(o.Locked);
            Assert.True(o.AutotuningForgone);
            Assert.False(o.Clamped);
        }

        [Fact]
        public void Sock007_32KiBDefault_SameNumbersAsSock001()
        {
            // "... Linux doubles it to 64 KiB and stops autotuning, capping its users at 5.2 Mbit/s per connection at 50 ms RTT."
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
            // "ReceiveBufferSize is set after Connect, too late: on Linux 6.1 the connection's window stays at 64 KiB instead of 128 KiB."
            // SOCK001 on the same line caps one connection at that window: 65 536 B / 0.05 s = 10.5 Mbit/s.
            var o = WindowModel.Evaluate(Profile, new BufferRequest(131072, BufferSide.Receive, SocketKind.Tcp, SetTiming.AfterConnect), Link);

            Assert.Equal("64 KiB", Units.Bytes(o.ClampAtEstablishment));
            Assert.Equal("128 KiB", Units.Bytes(o.MaxWindowBefore));
            Assert.Equal(65536, o.MaxWindowAfter);
            Assert.Equal(65536, o.MaxWindow);
            Assert.Equal("10.5 Mbit/s", Units.Rate(o.ThroughputCap));
            Assert.True(o.MaxWindowBefore > o.MaxWindowAfter);
            Assert.Equal("Linux 6.1", Profile.Describe());
        }

        [Fact]
        public void Sock003_Udp7MiB()
        {
            // "Receive buffer of 7 MiB is above net.core.rmem_max (208 KiB): Linux silently cuts it to 208 KiB (416 KiB once doubled)."
            var o = WindowModel.Evaluate(Profile, new BufferRequest(7340032, BufferSide.Receive, SocketKind.Udp), Link);

            Assert.Equal("7 MiB", Units.Bytes(o.Request.Value));
            Assert.True(o.Clamped);
            Assert.Equal("208 KiB", Units.Bytes(o.Limit));
            Assert.Equal("416 KiB", Units.Bytes(o.EffectiveBuffer));
        }

        [Fact]
        public void Sock003_MacOSLimit()
        {
            // "Receive buffer of 8 MiB is above the macOS limit of ~7.11 MiB: the call throws SocketException (ENOBUFS)."
            var o = WindowModel.Evaluate(KernelProfile.MacOS(), new BufferRequest(7340032 + 1048576, BufferSide.Receive, SocketKind.Udp), Link);
            Assert.Equal(7456540, o.Limit);
            Assert.Equal("~7.11 MiB", SocketBufferAnalyzers.Rules.Messages.Size(o.Limit));
            Assert.Equal("ENOBUFS", o.OsError);
        }
    
        [Fact]
        public void Sock005_SendZeroIsLockedAtTheFloor()
        {
            // "Send buffer set to 0: Linux raises it to the minimum, 4.5 KiB, and locks it there; one connection tops out at ~0.37 Mbit/s"
            var o = WindowModel.Evaluate(Profile, new BufferRequest(0, BufferSide.Send, SocketKind.Tcp), Link);
            Assert.Equal(4608, o.EffectiveBuffer);
            Assert.True(o.Locked);
            Assert.Equal("0.37 Mbit/s", Units.Rate(o.ThroughputCap));
        }
    }
}
