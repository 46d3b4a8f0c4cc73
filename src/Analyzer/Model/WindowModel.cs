using System;

namespace SocketBufferAnalyzers.Model
{
    /// <summary>
    /// The kernel's arithmetic for SO_RCVBUF / SO_SNDBUF as a pure function (window-model.md, "Model as a pure function").
    /// No Roslyn, no I/O, no state: the same inputs always give the same outcome.
    /// </summary>
    public static class WindowModel
    {
        /// <summary>The largest TCP window without scaling.</summary>
        public const long MaxUnscaledWindow = 65535;

        private const long IntMaxHalf = int.MaxValue / 2;

        public static BufferOutcome Evaluate(KernelProfile profile, BufferRequest request, LinkProfile link)
        {
            if (profile == null)
            {
                throw new ArgumentNullException(nameof(profile));
            }

            var outcome = new BufferOutcome(request)
            {
                // Socket.ReceiveBufferSize/SendBufferSize check value < 0 on every OS before any system call.
                ManagedThrow = request.Api == SetterApi.SocketProperty && request.Value < 0,
                Limit = profile.LimitFor(request.Side),
                AutotuneBufferCeiling = profile.AutotuneBufferCeiling(request.Side),
            };

            if (outcome.ManagedThrow && profile.Os != TargetOs.Linux)
            {
                // Vector 10: "ArgumentOutOfRangeException, no syscall" on any OS, so the OS reports no error of its own.
                // (On Linux the numbers are still computed: they are what TcpClient/SetSocketOption would get.)
                return outcome;
            }

            switch (profile.Os)
            {
                case TargetOs.Linux:
                    EvaluateLinux(profile, request, link, outcome);
                    break;
                case TargetOs.MacOS:
                    EvaluateMacOS(request, link, outcome);
                    break;
                default:
                    EvaluateWindows(request, link, outcome);
                    break;
            }

            return outcome;
        }

        /// <summary>The bandwidth-delay recommendation for one side on a link (docs/rules/window-model.md, "Window, scale and throughput").</summary>
        public static LinkRecommendation Recommend(KernelProfile profile, BufferSide side, LinkProfile link)
        {
            if (profile == null)
            {
                throw new ArgumentNullException(nameof(profile));
            }

            var bdp = link.BdpBytes;
            long required;
            long ceiling;
            switch (profile.Os)
            {
                case TargetOs.Linux when side == BufferSide.Receive:
                    var reserve = profile.TcpAppWinReserve ? KernelProfile.SegmentWithTimestamps : 0;
                    required = CeilDiv((bdp + reserve) * 256, 2L * profile.RatioInit);
                    ceiling = ReceiveAutotuneCeiling(profile);
                    break;
                case TargetOs.Linux:
                    // The kernel keeps twice the value and about half of it is payload (net/core/sock.c, sk_setsockopt: SO_RCVBUF doubles the value; docs/rules/window-model.md).
                    required = bdp;
                    ceiling = profile.TcpWmem.Max / 2;
                    break;
                default:
                    // No doubling on macOS/Windows; their autotuning is not modelled, so the buffer must hold the BDP.
                    required = bdp;
                    ceiling = 0;
                    break;
            }

            var limit = profile.LimitFor(side);
            var kind = bdp <= ceiling
                ? RecommendationKind.RemoveSetting
                : required <= limit ? RecommendationKind.SetValue : RecommendationKind.RaiseSysctl;
            var value = Math.Min(Math.Min(required, limit), int.MaxValue);
            return new LinkRecommendation(kind, bdp, required, value, ceiling, link);
        }

        /// <summary>Index of the highest set bit (floor log2); -1 for values below 1.</summary>
        public static int Ilog2(long value)
        {
            var result = -1;
            while (value > 0)
            {
                value >>= 1;
                result++;
            }

            return result;
        }

        /// <summary>
        /// <c>tcp_win_from_space</c>: ≤ 6.5 <c>space − (space &gt;&gt; tcp_adv_win_scale)</c>; 6.6+ <c>(space × ratio) &gt;&gt; 8</c>.
        /// </summary>
        public static long WindowFromSpace(KernelProfile profile, long space, int ratio)
        {
            if (profile.UsesAdvWinScale)
            {
                // tcp_adv_win_scale: 2 (¾) up to 3.3, 1 (½) from 3.4; the ratio argument is the same fraction over 256.
                var shift = profile.Era == KernelEra.L26 ? 2 : 1;
                return space - (space >> shift);
            }

            return (space * ratio) >> 8;
        }

        /// <summary>The receive window scale chosen at SYN time for a window clamp (or space) of <paramref name="space"/>.</summary>
        public static int WindowScaleFor(long space) => Math.Max(0, Math.Min(14, Ilog2(space) - 15));

        /// <summary>The scale an unlocked socket negotiates: from <c>max(tcp_rmem[2], rmem_max)</c>.</summary>
        public static int UnlockedWindowScale(KernelProfile profile) => WindowScaleFor(Math.Max(profile.TcpRmem.Max, profile.RmemMax));

        /// <summary>The window autotuning can reach on an unlocked socket: ratio × <c>tcp_rmem[2]</c>, bounded by the scale.</summary>
        public static long ReceiveAutotuneCeiling(KernelProfile profile) =>
            Math.Min(
                WindowFromSpace(profile, profile.TcpRmem.Max, profile.RatioAutotuned),
                MaxUnscaledWindow << UnlockedWindowScale(profile));

        private static void EvaluateLinux(KernelProfile profile, BufferRequest request, LinkProfile link, BufferOutcome outcome)
        {
            var limit = outcome.Limit;
            var value = request.Value;
            var receive = request.Side == BufferSide.Receive;
            var floor = receive ? profile.SockMinRcv : profile.SockMinSnd;

            // Clamp first (read as unsigned: a negative value is "huge"), then double, then raise to the floor.
            var kept = request.Force ? Math.Max(value, 0) : (value < 0 ? limit : Math.Min(value, limit));
            kept = Math.Min(kept, IntMaxHalf);
            outcome.Clamped = !request.Force && (value < 0 || value > limit);
            outcome.RaisedToMinimum = 2 * kept < floor;
            outcome.EffectiveBuffer = Math.Max(2 * kept, floor);
            outcome.Locked = request.IsTcp;

            if (!request.IsTcp)
            {
                // UDP and other sockets: no autotuning to lose, no window.
                return;
            }

            if (receive)
            {
                EvaluateLinuxReceive(profile, request, link, outcome);
            }
            else
            {
                EvaluateLinuxSend(profile, link, outcome);
            }
        }

        private static void EvaluateLinuxReceive(KernelProfile profile, BufferRequest request, LinkProfile link, BufferOutcome outcome)
        {
            var reserve = profile.TcpAppWinReserve ? KernelProfile.SegmentWithTimestamps : 0;
            var buffer = outcome.EffectiveBuffer;

            // Set before connecting: the locked buffer's initial-ratio window picks the scale.
            var scaleBefore = WindowScaleFor(WindowFromSpace(profile, buffer, profile.RatioInit));
            var lockedWindow = Reserve(WindowFromSpace(profile, buffer, profile.RatioLocked), reserve);
            var before = Math.Min(lockedWindow, MaxUnscaledWindow << scaleBefore);

            // Set after: the scale was negotiated unlocked and the clamp was fixed at establishment.
            var scaleAfter = UnlockedWindowScale(profile);
            var clampAtEstablishment = profile.Era <= KernelEra.L610
                ? Reserve(WindowFromSpace(profile, profile.TcpRmem.Default, profile.RatioInit), reserve)
                : WindowFromSpace(profile, profile.TcpRmem.Default, profile.RatioLearned);
            var after = Math.Min(Math.Min(clampAtEstablishment, lockedWindow), MaxUnscaledWindow << scaleAfter);

            var isBefore = request.Timing == SetTiming.BeforeConnect;
            outcome.WindowScale = isBefore ? scaleBefore : scaleAfter;
            outcome.MaxWindowBefore = before;
            outcome.MaxWindowAfter = after;
            outcome.ClampAtEstablishment = clampAtEstablishment;
            outcome.MaxWindow = isBefore ? before : after;
            outcome.ThroughputCap = outcome.MaxWindow / link.RttSeconds;
            outcome.AutotuneWindowCeiling = ReceiveAutotuneCeiling(profile);
            outcome.Forgone = Math.Max(0, outcome.AutotuneWindowCeiling - before);
            outcome.AutotuningForgone = outcome.Forgone > 0;
        }

        /// <summary>
        /// tcp_init_buffer_space's "force reservation of one segment" (net/ipv4/tcp_input.c, tcp_init_buffer_space): only when the clamp
        /// exceeds two segments, and never below two segments; so a tiny window is left as is, never negative.
        /// </summary>
        public static long Reserve(long window, long segment)
        {
            if (segment <= 0 || window <= 2 * segment)
            {
                return window;
            }

            return Math.Max(2 * segment, window - segment);
        }

        private static void EvaluateLinuxSend(KernelProfile profile, LinkProfile link, BufferOutcome outcome)
        {
            // About half the kernel buffer is payload (man 7 socket); the measured band is 0.33–0.95.
            var buffer = outcome.EffectiveBuffer;
            outcome.MaxWindow = buffer / 2;
            outcome.MaxWindowBefore = outcome.MaxWindow;
            outcome.MaxWindowAfter = outcome.MaxWindow;
            outcome.ThroughputCap = outcome.MaxWindow / link.RttSeconds;
            outcome.SendCapLow = 0.33 * buffer / link.RttSeconds;
            outcome.SendCapHigh = 0.95 * buffer / link.RttSeconds;
            outcome.AutotuneWindowCeiling = profile.TcpWmem.Max / 2;
            // "sendForgone > 0 when effSnd < tcpWmem[2]": half the missing buffer, rounded up so the two agree.
            outcome.Forgone = Math.Max(0, CeilDiv(profile.TcpWmem.Max - buffer, 2));
            outcome.AutotuningForgone = buffer < profile.TcpWmem.Max;
        }

        private static void EvaluateMacOS(BufferRequest request, LinkProfile link, BufferOutcome outcome)
        {
            // xnu sosetopt: optval < 1 → EINVAL; above maxsockbuf × 2048/2304 → ENOBUFS; else kept as is, autosizing off.
            if (request.Value < 1)
            {
                outcome.OsError = "EINVAL";
                return;
            }

            if (request.Value > outcome.Limit)
            {
                outcome.OsError = "ENOBUFS";
                return;
            }

            KeepAsAsked(request, link, outcome);
        }

        private static void EvaluateWindows(BufferRequest request, LinkProfile link, BufferOutcome outcome)
        {
            // Documented behaviour only: not doubled, no known limit or floor; the autotuning effect is unverified.
            if (request.Value < 0)
            {
                outcome.OsError = "WSAEINVAL";
                return;
            }

            KeepAsAsked(request, link, outcome);
        }

        private static void KeepAsAsked(BufferRequest request, LinkProfile link, BufferOutcome outcome)
        {
            outcome.EffectiveBuffer = request.Value;
            outcome.Locked = request.IsTcp;
            if (!request.IsTcp)
            {
                return;
            }

            outcome.MaxWindow = request.Value;
            outcome.MaxWindowBefore = request.Value;
            outcome.MaxWindowAfter = request.Value;
            outcome.ThroughputCap = request.Value / link.RttSeconds;
            outcome.AutotuningForgone = request.Value > 0;
        }

        private static long CeilDiv(long numerator, long denominator) => (numerator + denominator - 1) / denominator;
    }
}
