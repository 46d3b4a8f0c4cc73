using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.HostProfile
{
    /// <summary>
    /// The running Linux kernel as the window model needs it: version and the four sysctls a team can
    /// configure (rules.md "Configuration"), read from /proc. Shared by tools/HostProfile and the
    /// conformance tests (linked into both), so both describe the host the same way.
    /// </summary>
    internal sealed class HostKernel
    {
        private HostKernel(
            string osRelease,
            KernelVersion version,
            long rmemMax,
            long wmemMax,
            TcpMem tcpRmem,
            TcpMem tcpWmem,
            IReadOnlyDictionary<string, string> extra)
        {
            OsRelease = osRelease;
            Version = version;
            RmemMax = rmemMax;
            WmemMax = wmemMax;
            TcpRmem = tcpRmem;
            TcpWmem = tcpWmem;
            Extra = extra;
        }

        /// <summary>/proc/sys/kernel/osrelease verbatim ("6.18.44-fc-v782").</summary>
        public string OsRelease { get; }

        public KernelVersion Version { get; }

        public long RmemMax { get; }

        public long WmemMax { get; }

        public TcpMem TcpRmem { get; }

        public TcpMem TcpWmem { get; }

        /// <summary>Sysctls the model does not take but that change what a test can observe (empty when unreadable).</summary>
        public IReadOnlyDictionary<string, string> Extra { get; }

        /// <summary><c>net.ipv4.tcp_moderate_rcvbuf</c> is on (receive autotuning); true when unreadable.</summary>
        public bool ReceiveAutotuningOn => !Extra.TryGetValue("net.ipv4.tcp_moderate_rcvbuf", out var v) || v != "0";

        /// <summary><c>net.ipv4.tcp_window_scaling</c> is on; true when unreadable.</summary>
        public bool WindowScalingOn => !Extra.TryGetValue("net.ipv4.tcp_window_scaling", out var v) || v != "0";

        private static readonly (string Name, string Path)[] ExtraSysctls =
        {
            ("net.core.rmem_default", "sys/net/core/rmem_default"),
            ("net.core.wmem_default", "sys/net/core/wmem_default"),
            ("net.ipv4.tcp_moderate_rcvbuf", "sys/net/ipv4/tcp_moderate_rcvbuf"),
            ("net.ipv4.tcp_window_scaling", "sys/net/ipv4/tcp_window_scaling"),
            ("net.ipv4.tcp_app_win", "sys/net/ipv4/tcp_app_win"),
            ("net.ipv4.tcp_no_metrics_save", "sys/net/ipv4/tcp_no_metrics_save"),
        };

        /// <summary>Reads the host, or says why it cannot (not Linux, /proc missing, a value the model cannot take).</summary>
        public static bool TryRead(out HostKernel? kernel, out string error, string procRoot = "/proc")
        {
            kernel = null;
            if (!OperatingSystem.IsLinux())
            {
                error = "not Linux (" + System.Runtime.InteropServices.RuntimeInformation.OSDescription + "): the kernel profile is read from /proc on Linux only";
                return false;
            }

            try
            {
                var release = ReadProc(procRoot, "sys/kernel/osrelease");
                if (!KernelVersion.TryParse(release, out var version))
                {
                    error = "kernel.osrelease '" + release + "' is not a version the model reads (2.6 or later)";
                    return false;
                }

                if (!TryReadSize(procRoot, "sys/net/core/rmem_max", out var rmemMax, out error)
                    || !TryReadSize(procRoot, "sys/net/core/wmem_max", out var wmemMax, out error))
                {
                    return false;
                }

                var rmemText = ReadProc(procRoot, "sys/net/ipv4/tcp_rmem");
                var wmemText = ReadProc(procRoot, "sys/net/ipv4/tcp_wmem");
                if (!TcpMem.TryParse(rmemText, out var tcpRmem))
                {
                    error = "net.ipv4.tcp_rmem '" + rmemText + "' is not three ascending positive numbers";
                    return false;
                }

                if (!TcpMem.TryParse(wmemText, out var tcpWmem))
                {
                    error = "net.ipv4.tcp_wmem '" + wmemText + "' is not three ascending positive numbers";
                    return false;
                }

                var extra = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, path) in ExtraSysctls)
                {
                    try
                    {
                        extra[name] = ReadProc(procRoot, path);
                    }
                    catch (IOException)
                    {
                        // Informational only; older kernels or restricted namespaces may lack some.
                    }
                    catch (UnauthorizedAccessException)
                    {
                    }
                }

                kernel = new HostKernel(release, version, rmemMax, wmemMax, tcpRmem, tcpWmem, extra);
                error = string.Empty;
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                error = "cannot read " + procRoot + ": " + e.Message;
                return false;
            }
        }

        /// <summary>Reads the host or throws <see cref="InvalidOperationException"/> with the reason.</summary>
        public static HostKernel Read()
        {
            if (!TryRead(out var kernel, out var error))
            {
                throw new InvalidOperationException(error);
            }

            return kernel!;
        }

        /// <summary>
        /// The model's profile for this host: the version's era, with the four sysctls replaced by what the
        /// host has (exactly what the .editorconfig lines below configure). Everything else stays the model's
        /// default for the version (learned ratio 169/256, no one-segment reservation).
        /// </summary>
        public KernelProfile ToProfile() =>
            KernelProfile.Linux(Version).With(rmemMax: RmemMax, wmemMax: WmemMax, tcpRmem: TcpRmem, tcpWmem: TcpWmem);

        /// <summary>
        /// The .editorconfig keys that describe this host (rules.md "Configuration"). Values as the analyzer
        /// reads them: the kernel as major.minor, sizes in bytes, tcp_rmem/tcp_wmem as sysctl prints them.
        /// </summary>
        public IReadOnlyList<string> EditorConfigLines() => new[]
        {
            "socket_buffer.target_os = linux",
            "socket_buffer.linux_kernel = " + Version,
            "socket_buffer.rmem_max = " + RmemMax.ToString(CultureInfo.InvariantCulture),
            "socket_buffer.wmem_max = " + WmemMax.ToString(CultureInfo.InvariantCulture),
            "socket_buffer.tcp_rmem = " + TcpRmem,
            "socket_buffer.tcp_wmem = " + TcpWmem,
        };

        /// <summary>One line for failure messages: "Linux 6.18.44-fc-v782 (model 6.18, L616Plus), rmem_max …".</summary>
        public string Summary() => string.Format(
            CultureInfo.InvariantCulture,
            "Linux {0} (model {1}, era {2}), rmem_max {3}, wmem_max {4}, tcp_rmem {5}, tcp_wmem {6}",
            OsRelease,
            Version,
            KernelProfile.EraOf(Version),
            RmemMax,
            WmemMax,
            TcpRmem,
            TcpWmem);

        private static bool TryReadSize(string procRoot, string path, out long value, out string error)
        {
            var text = ReadProc(procRoot, path);
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value <= 0 || value > int.MaxValue)
            {
                error = path + " '" + text + "' is not a positive 32-bit size";
                return false;
            }

            error = string.Empty;
            return true;
        }

        private static string ReadProc(string procRoot, string path) => File.ReadAllText(Path.Combine(procRoot, path)).Trim();
    }
}
