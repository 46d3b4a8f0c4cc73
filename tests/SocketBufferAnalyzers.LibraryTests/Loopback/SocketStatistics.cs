using System;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;

namespace SocketBufferAnalyzers.LibraryTests.Loopback
{
    /// <summary>One TCP socket as <c>ss -tmin</c> prints it: the buffer sizes of <c>skmem</c> and the raw text.</summary>
    internal sealed record SocketEntry(int ReceiveBuffer, int SendBuffer, long? PeerWindow, string Raw)
    {
        private static readonly Regex WindowScale = new(@"\bwscale:(?<snd>\d+),(?<rcv>\d+)", RegexOptions.CultureInvariant);

        /// <summary>
        /// The receive window scale this socket announced in its SYN (ss prints wscale:&lt;send&gt;,&lt;receive&gt;): it is
        /// chosen from the receive buffer at that moment, so it tells a size set before Connect (small scale) from
        /// one set afterwards (the unlocked scale). Null without window scaling.
        /// </summary>
        public int? ReceiveScale
        {
            get
            {
                var m = WindowScale.Match(Raw);
                return m.Success ? int.Parse(m.Groups["rcv"].Value, CultureInfo.InvariantCulture) : null;
            }
        }

        /// <summary>skmem rb: sk_rcvbuf, what SO_RCVBUF reads back (twice the requested size when set).</summary>
        public int ReceiveBuffer { get; } = ReceiveBuffer;

        /// <summary>skmem tb: sk_sndbuf.</summary>
        public int SendBuffer { get; } = SendBuffer;

        /// <summary>snd_wnd: the window the peer last advertised to this socket.</summary>
        public long? PeerWindow { get; } = PeerWindow;
    }

    /// <summary>
    /// Reads another party's socket (a library's connection) through iproute2's <c>ss</c>: the socket is found by
    /// its two loopback ports, polled until it shows up, never timed.
    /// </summary>
    internal static class SocketStatistics
    {
        /// <summary>Generous: under heavy load a library can take seconds to get from Connect to its first setsockopt.</summary>
        public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

        private static readonly Regex Skmem = new(@"skmem:\(r\d+,rb(?<rb>\d+),t\d+,tb(?<tb>\d+)", RegexOptions.CultureInvariant);
        private static readonly Regex SndWnd = new(@"\bsnd_wnd:(?<w>\d+)", RegexOptions.CultureInvariant);
        private static readonly Lazy<string?> Executable = new(Find);

        /// <summary>Null when <c>ss</c> can be run here; otherwise why not.</summary>
        public static string? SkipReason =>
            !OperatingSystem.IsLinux() ? "ss (iproute2) reads Linux sockets only"
            : Executable.Value is null ? "ss (iproute2) is not installed: apt-get install iproute2"
            : null;

        /// <summary>The established TCP socket bound to <paramref name="local"/> and connected to <paramref name="remote"/>, once it exists.</summary>
        public static SocketEntry WaitFor(IPEndPoint local, IPEndPoint remote, Func<SocketEntry, bool>? until = null)
        {
            var deadline = Stopwatch.StartNew();
            SocketEntry? last = null;
            while (true)
            {
                last = Read(local, remote) ?? last;
                if (last is not null && (until is null || until(last)))
                {
                    return last;
                }

                if (deadline.Elapsed > Patience)
                {
                    throw new TimeoutException(
                        $"ss showed no established socket {local} -> {remote}" + (last is null ? "" : " matching the condition; last seen: " + last.Raw)
                        + $" within {Patience.TotalSeconds} s");
                }

                Thread.Sleep(50);
            }
        }

        /// <summary>One look; null when the socket is not (or no longer) there.</summary>
        public static SocketEntry? Read(IPEndPoint local, IPEndPoint remote)
        {
            var text = Run("-Htmin", "state", "established", "src", local.ToString(), "and", "dst", remote.ToString());
            var skmem = Skmem.Match(text);
            if (!skmem.Success)
            {
                return null;
            }

            var window = SndWnd.Match(text);
            return new SocketEntry(
                int.Parse(skmem.Groups["rb"].Value, CultureInfo.InvariantCulture),
                int.Parse(skmem.Groups["tb"].Value, CultureInfo.InvariantCulture),
                window.Success ? long.Parse(window.Groups["w"].Value, CultureInfo.InvariantCulture) : null,
                Regex.Replace(text.Trim(), @"\s+", " "));
        }

        /// <summary>
        /// Every established TCP socket that <paramref name="filter"/> selects (an ss filter such as
        /// <c>dport = :4711</c>), one entry per socket, with the text of its local and peer address.
        /// </summary>
        public static IReadOnlyList<(string Local, string Peer, SocketEntry Socket)> ReadAll(params string[] filter)
        {
            var text = Run(new[] { "-Htmin", "state", "established" }.Concat(filter).ToArray());
            var result = new List<(string, string, SocketEntry)>();
            var blocks = Regex.Split(text, @"\n(?=\S)");
            foreach (var block in blocks)
            {
                var fields = block.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                var skmem = Skmem.Match(block);
                if (fields.Length < 4 || !skmem.Success)
                {
                    continue;
                }

                var window = SndWnd.Match(block);
                result.Add((fields[2], fields[3], new SocketEntry(
                    int.Parse(skmem.Groups["rb"].Value, CultureInfo.InvariantCulture),
                    int.Parse(skmem.Groups["tb"].Value, CultureInfo.InvariantCulture),
                    window.Success ? long.Parse(window.Groups["w"].Value, CultureInfo.InvariantCulture) : null,
                    Regex.Replace(block.Trim(), @"\s+", " "))));
            }

            return result;
        }

        /// <summary>The command line, for the record.</summary>
        public static string CommandFor(IPEndPoint local, IPEndPoint remote) => $"ss -Htmin state established src {local} and dst {remote}";

        private static string Run(params string[] arguments)
        {
            var start = new ProcessStartInfo(Executable.Value!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output;
        }

        private static string? Find()
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, "ss");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            foreach (var candidate in new[] { "/usr/bin/ss", "/bin/ss", "/usr/sbin/ss", "/sbin/ss" })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
