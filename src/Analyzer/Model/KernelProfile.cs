using System;

namespace SocketBufferAnalyzers.Model
{
    /// <summary>
    /// The kernel a program is deployed on: era, sysctls and constants the window model needs.
    /// Immutable and comparable by value, so model results can be cached per (profile, request).
    /// </summary>
    public sealed class KernelProfile : IEquatable<KernelProfile>
    {
        /// <summary><c>SK_RMEM_MAX</c> on x86-64 up to 6.17: <c>SKB_TRUESIZE(256) × 256</c>.</summary>
        public const long StockMemMax = 212992;

        /// <summary><c>net.core.rmem_max</c>/<c>wmem_max</c> from 6.18 on.</summary>
        public const long MemMax618 = 4194304;

        /// <summary>macOS <c>kern.ipc.maxsockbuf</c> default (<c>SB_MAX</c>).</summary>
        public const long DefaultMacMaxSockBuf = 8388608;

        /// <summary>One full-sized segment with timestamps (advmss 1460 less 12).</summary>
        public const int SegmentWithTimestamps = 1448;

        /// <summary>The scaling ratio a socket learns on MTU-1500 traffic, over 256 (≈0.66).</summary>
        public const int DefaultLearnedRatio = 169;

        private KernelProfile(
            TargetOs os,
            KernelVersion version,
            long rmemMax,
            long wmemMax,
            TcpMem tcpRmem,
            TcpMem tcpWmem,
            int ratioLearned,
            long macMaxSockBuf,
            bool tcpAppWinReserve)
        {
            Os = os;
            Version = version;
            Era = EraOf(version);
            RmemMax = rmemMax;
            WmemMax = wmemMax;
            TcpRmem = tcpRmem;
            TcpWmem = tcpWmem;
            RatioLearned = ratioLearned;
            MacMaxSockBuf = macMaxSockBuf;
            TcpAppWinReserve = tcpAppWinReserve;
        }

        public TargetOs Os { get; }

        /// <summary>The Linux kernel version (meaningful when <see cref="Os"/> is Linux).</summary>
        public KernelVersion Version { get; }

        public KernelEra Era { get; }

        /// <summary><c>net.core.rmem_max</c>: the largest SO_RCVBUF an unprivileged caller gets (before doubling).</summary>
        public long RmemMax { get; }

        /// <summary><c>net.core.wmem_max</c>.</summary>
        public long WmemMax { get; }

        public TcpMem TcpRmem { get; }

        public TcpMem TcpWmem { get; }

        /// <summary>The ratio a socket learns from real segments, over 256 (6.6 and later).</summary>
        public int RatioLearned { get; }

        /// <summary>macOS <c>kern.ipc.maxsockbuf</c>.</summary>
        public long MacMaxSockBuf { get; }

        /// <summary>Subtract one segment from the window (tcp_app_win); off by default, since windows are quoted as upper bounds.</summary>
        public bool TcpAppWinReserve { get; }

        /// <summary>
        /// The fraction of the buffer advertised as window on a new socket, over 256:
        /// 192 (¾, ≤ 3.3), 128 (½, 3.4–6.5), 65 (6.6–6.9), 128 (6.10+).
        /// </summary>
        public int RatioInit => Era switch
        {
            KernelEra.L26 => 192,
            KernelEra.L34To65 => 128,
            KernelEra.L66To69 => 65,
            _ => 128,
        };

        /// <summary>The ratio a locked socket's window uses: only 6.11+ relearns it (a2cbb1603943).</summary>
        public int RatioLocked => Era >= KernelEra.L611To615 ? RatioLearned : RatioInit;

        /// <summary>The ratio autotuning uses on an unlocked socket: the learned one since 6.6.</summary>
        public int RatioAutotuned => Era >= KernelEra.L66To69 ? RatioLearned : RatioInit;

        /// <summary>Whether the era computes windows with <c>tcp_adv_win_scale</c> (≤ 6.5) rather than a ratio.</summary>
        public bool UsesAdvWinScale => Era <= KernelEra.L34To65;

        /// <summary><c>SOCK_MIN_RCVBUF</c>: 2304 from 3.11, 256 before.</summary>
        public long SockMinRcv => Version.AtLeast(3, 11) ? 2304 : 256;

        /// <summary><c>SOCK_MIN_SNDBUF</c>: 4608 from 3.11, 2048 before.</summary>
        public long SockMinSnd => Version.AtLeast(3, 11) ? 4608 : 2048;

        /// <summary>The largest buffer macOS accepts: <c>maxsockbuf × 2048 / 2304</c> (7 456 540 by default).</summary>
        public long MacLimit => MacMaxSockBuf * 2048 / 2304;

        /// <summary>Linux 6.1 with stock sysctls: the profile used when nothing is configured.</summary>
        public static KernelProfile Default { get; } = Linux(new KernelVersion(6, 1));

        /// <summary>The profile of a Linux kernel with the sysctl defaults of that version.</summary>
        public static KernelProfile Linux(KernelVersion version) =>
            new KernelProfile(
                TargetOs.Linux,
                version,
                DefaultMemMax(version),
                DefaultMemMax(version),
                DefaultTcpRmem(version),
                DefaultTcpWmem(),
                DefaultLearnedRatio,
                DefaultMacMaxSockBuf,
                tcpAppWinReserve: false);

        /// <summary>macOS with the given <c>kern.ipc.maxsockbuf</c>.</summary>
        public static KernelProfile MacOS(long maxSockBuf = DefaultMacMaxSockBuf) =>
            Default.With(os: TargetOs.MacOS, macMaxSockBuf: maxSockBuf);

        /// <summary>Windows: the documented behaviour only (docs/rules/window-model.md, "macOS and Windows").</summary>
        public static KernelProfile Windows() => Default.With(os: TargetOs.Windows);

        /// <summary><c>rmem_max</c>/<c>wmem_max</c> default: 4 MiB from 6.18, 212 992 before.</summary>
        public static long DefaultMemMax(KernelVersion version) => version.AtLeast(6, 18) ? MemMax618 : StockMemMax;

        /// <summary><c>tcp_rmem</c> default: [1] 131 072 from 4.20 (87 380 before); [2] 32 MiB from 6.16, 6 MiB from 3.4, 4 MiB before.</summary>
        public static TcpMem DefaultTcpRmem(KernelVersion version)
        {
            var initial = version.AtLeast(4, 20) ? 131072 : 87380;
            var max = version.AtLeast(6, 16) ? 33554432 : version.AtLeast(3, 4) ? 6291456 : 4194304;
            return new TcpMem(4096, initial, max);
        }

        /// <summary><c>tcp_wmem</c> default: 4096 16384 4 MiB in every era.</summary>
        public static TcpMem DefaultTcpWmem() => new TcpMem(4096, 16384, 4194304);

        public static KernelEra EraOf(KernelVersion version)
        {
            if (!version.AtLeast(3, 4))
            {
                return KernelEra.L26;
            }

            if (!version.AtLeast(6, 6))
            {
                return KernelEra.L34To65;
            }

            if (!version.AtLeast(6, 10))
            {
                return KernelEra.L66To69;
            }

            if (!version.AtLeast(6, 11))
            {
                return KernelEra.L610;
            }

            return version.AtLeast(6, 16) ? KernelEra.L616Plus : KernelEra.L611To615;
        }

        /// <summary>A copy with some values replaced (explicit configuration over the version's defaults).</summary>
        public KernelProfile With(
            TargetOs? os = null,
            long? rmemMax = null,
            long? wmemMax = null,
            TcpMem? tcpRmem = null,
            TcpMem? tcpWmem = null,
            int? ratioLearned = null,
            long? macMaxSockBuf = null,
            bool? tcpAppWinReserve = null) =>
            new KernelProfile(
                os ?? Os,
                Version,
                rmemMax ?? RmemMax,
                wmemMax ?? WmemMax,
                tcpRmem ?? TcpRmem,
                tcpWmem ?? TcpWmem,
                ratioLearned ?? RatioLearned,
                macMaxSockBuf ?? MacMaxSockBuf,
                tcpAppWinReserve ?? TcpAppWinReserve);

        /// <summary>The largest value the OS keeps as asked (Linux clamps above it; macOS rejects); none known on Windows.</summary>
        public long LimitFor(BufferSide side) => Os switch
        {
            TargetOs.Linux => side == BufferSide.Receive ? RmemMax : WmemMax,
            TargetOs.MacOS => MacLimit,
            _ => long.MaxValue,
        };

        /// <summary>The smallest value the OS keeps as asked: Linux doubles, then raises to the kernel floor.</summary>
        public long SmallestKeptValue(BufferSide side) => Os switch
        {
            TargetOs.Linux => ((side == BufferSide.Receive ? SockMinRcv : SockMinSnd) + 1) / 2,
            _ => 1,
        };

        /// <summary>The buffer autotuning can grow to when nothing is set: <c>tcp_rmem[2]</c>/<c>tcp_wmem[2]</c>.</summary>
        public long AutotuneBufferCeiling(BufferSide side) => side == BufferSide.Receive ? TcpRmem.Max : TcpWmem.Max;

        /// <summary>"Linux 6.1", "macOS", "Windows".</summary>
        public string Describe() => Os switch
        {
            TargetOs.Linux => "Linux " + Version,
            TargetOs.MacOS => "macOS",
            _ => "Windows",
        };

        public bool Equals(KernelProfile? other) =>
            other != null
            && Os == other.Os
            && Version.Equals(other.Version)
            && RmemMax == other.RmemMax
            && WmemMax == other.WmemMax
            && TcpRmem.Equals(other.TcpRmem)
            && TcpWmem.Equals(other.TcpWmem)
            && RatioLearned == other.RatioLearned
            && MacMaxSockBuf == other.MacMaxSockBuf
            && TcpAppWinReserve == other.TcpAppWinReserve;

        public override bool Equals(object? obj) => Equals(obj as KernelProfile);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = (int)Os;
                hash = (hash * 397) ^ Version.GetHashCode();
                hash = (hash * 397) ^ RmemMax.GetHashCode();
                hash = (hash * 397) ^ WmemMax.GetHashCode();
                hash = (hash * 397) ^ TcpRmem.GetHashCode();
                hash = (hash * 397) ^ TcpWmem.GetHashCode();
                hash = (hash * 397) ^ RatioLearned;
                hash = (hash * 397) ^ MacMaxSockBuf.GetHashCode();
                return (hash * 397) ^ (TcpAppWinReserve ? 1 : 0);
            }
        }
    }
}
