using System;
using SocketBufferAnalyzers.HostProfile;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// A fact that runs only where the window model can be checked: on Linux, with /proc readable. Elsewhere it
    /// reports itself skipped with the reason. Optional requirements skip it when a sysctl switches off the
    /// behaviour under test (the model assumes the defaults).
    /// </summary>
    public class LinuxFactAttribute : FactAttribute
    {
        private string? explicitSkip;

        /// <summary>Needs <c>net.ipv4.tcp_moderate_rcvbuf = 1</c> (receive autotuning).</summary>
        public bool RequiresReceiveAutotuning { get; set; }

        /// <summary>Needs <c>net.ipv4.tcp_window_scaling = 1</c>.</summary>
        public bool RequiresWindowScaling { get; set; }

        /// <summary>Needs <c>tcpi_rcv_wnd</c> in TCP_INFO (Linux 6.2+).</summary>
        public bool RequiresReceiveWindowInfo { get; set; }

        public override string Skip
        {
            get => explicitSkip ?? HostRequirements.SkipReason(RequiresReceiveAutotuning, RequiresWindowScaling, RequiresReceiveWindowInfo)!;
            set => explicitSkip = value;
        }
    }

    /// <summary>The theory form of <see cref="LinuxFactAttribute"/>.</summary>
    public sealed class LinuxTheoryAttribute : TheoryAttribute
    {
        private string? explicitSkip;

        public bool RequiresWindowScaling { get; set; }

        public override string Skip
        {
            get => explicitSkip ?? HostRequirements.SkipReason(false, RequiresWindowScaling, false)!;
            set => explicitSkip = value;
        }
    }

    internal static class HostRequirements
    {
        public static string? SkipReason(bool autotuning, bool windowScaling, bool receiveWindowInfo)
        {
            if (!HostKernel.TryRead(out var kernel, out var error))
            {
                return "Conformance with the Linux window model cannot be checked here: " + error;
            }

            if (autotuning && !kernel!.ReceiveAutotuningOn)
            {
                return "net.ipv4.tcp_moderate_rcvbuf = 0 on this host: receive autotuning is off for every socket";
            }

            if (windowScaling && !kernel!.WindowScalingOn)
            {
                return "net.ipv4.tcp_window_scaling = 0 on this host: no window scale is negotiated";
            }

            if (receiveWindowInfo && !kernel!.Version.AtLeast(6, 2))
            {
                return "tcpi_rcv_wnd is in TCP_INFO from Linux 6.2; this host runs " + kernel.OsRelease;
            }

            return null;
        }
    }
}
