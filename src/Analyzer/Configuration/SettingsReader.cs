using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Configuration
{
    /// <summary>
    /// Reads the <c>socket_buffer.*</c> keys for one syntax tree into a profile and a link. A value that cannot be read
    /// adds a <see cref="ConfigurationError"/> and falls back to the default; nothing here throws.
    /// </summary>
    internal static class SettingsReader
    {
        private const long MaxBytes = int.MaxValue;

        public static AnalyzerSettings Read(AnalyzerConfigOptions options, ICollection<ConfigurationError> errors)
        {
            var version = KernelProfile.Default.Version;
            if (Get(options, OptionKeys.LinuxKernel) is string kernelText)
            {
                if (KernelVersion.TryParse(kernelText, out var parsed))
                {
                    version = parsed;
                }
                else
                {
                    errors.Add(new ConfigurationError(OptionKeys.LinuxKernel, kernelText, "a kernel version of 2.6 or later, such as 6.1", version.ToString()));
                }
            }

            var profile = KernelProfile.Linux(version);
            var rmemMax = Size(options, OptionKeys.RmemMax, profile.RmemMax, errors);
            var wmemMax = Size(options, OptionKeys.WmemMax, profile.WmemMax, errors);
            var tcpRmem = Triple(options, OptionKeys.TcpRmem, profile.TcpRmem, errors);
            var tcpWmem = Triple(options, OptionKeys.TcpWmem, profile.TcpWmem, errors);
            var maxSockBuf = Size(options, OptionKeys.MaxSockBuf, profile.MacMaxSockBuf, errors);
            var os = Os(options, errors);
            profile = profile.With(os: os, rmemMax: rmemMax, wmemMax: wmemMax, tcpRmem: tcpRmem, tcpWmem: tcpWmem, macMaxSockBuf: maxSockBuf);

            var link = new LinkProfile(
                Bandwidth(options, errors, LinkProfile.Default.BitsPerSecond),
                Rtt(options, errors, LinkProfile.Default.RttMicroseconds));
            var settings = new AnalyzerSettings(profile, link);
            return settings.Equals(AnalyzerSettings.Default) ? AnalyzerSettings.Default : settings;
        }

        private static string? Get(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out var value) && value != null ? value.Trim() : null;

        private static TargetOs Os(AnalyzerConfigOptions options, ICollection<ConfigurationError> errors)
        {
            var text = Get(options, OptionKeys.TargetOs);
            switch (text?.ToLowerInvariant())
            {
                case null:
                case "linux":
                    return TargetOs.Linux;
                case "windows":
                    return TargetOs.Windows;
                case "macos":
                case "osx":
                    return TargetOs.MacOS;
                default:
                    errors.Add(new ConfigurationError(OptionKeys.TargetOs, text!, "linux, windows or macos", "linux"));
                    return TargetOs.Linux;
            }
        }

        private static long Size(AnalyzerConfigOptions options, string key, long fallback, ICollection<ConfigurationError> errors)
        {
            var text = Get(options, key);
            if (text == null)
            {
                return fallback;
            }

            if (long.TryParse(text.Replace("_", string.Empty), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= MaxBytes)
            {
                return value;
            }

            errors.Add(new ConfigurationError(key, text, "a positive number of bytes up to 2147483647", fallback.ToString(CultureInfo.InvariantCulture)));
            return fallback;
        }

        private static TcpMem Triple(AnalyzerConfigOptions options, string key, TcpMem fallback, ICollection<ConfigurationError> errors)
        {
            var text = Get(options, key);
            if (text == null)
            {
                return fallback;
            }

            if (TcpMem.TryParse(text, out var value))
            {
                return value;
            }

            errors.Add(new ConfigurationError(key, text, "three positive numbers in ascending order, as sysctl prints them", fallback.ToString()));
            return fallback;
        }

        private static long Rtt(AnalyzerConfigOptions options, ICollection<ConfigurationError> errors, long fallback)
        {
            var text = Get(options, OptionKeys.LinkRtt);
            if (text == null)
            {
                return fallback;
            }

            if (TryQuantity(text, out var number, out var unit))
            {
                double? micros = unit.ToLowerInvariant() switch
                {
                    "us" or "µs" => number,
                    "ms" => number * 1_000,
                    "s" => number * 1_000_000,
                    _ => null,
                };
                if (micros is double us && us >= 1 && us <= 600_000_000)
                {
                    return (long)Math.Round(us);
                }
            }

            errors.Add(new ConfigurationError(OptionKeys.LinkRtt, text, "a positive duration with a unit (us, ms, s), such as 50ms", Units.Duration(fallback)));
            return fallback;
        }

        private static long Bandwidth(AnalyzerConfigOptions options, ICollection<ConfigurationError> errors, long fallback)
        {
            var text = Get(options, OptionKeys.LinkBandwidth);
            if (text == null)
            {
                return fallback;
            }

            if (TryQuantity(text, out var number, out var unit))
            {
                var normalized = unit.ToLowerInvariant();
                if (normalized.EndsWith("/s", StringComparison.Ordinal))
                {
                    normalized = normalized.Substring(0, normalized.Length - 2);
                }

                double? bits = normalized switch
                {
                    "" or "bit" or "bps" => number,
                    "kbit" or "kbps" => number * 1e3,
                    "mbit" or "mbps" => number * 1e6,
                    "gbit" or "gbps" => number * 1e9,
                    _ => null,
                };
                if (bits is double b && b >= 1 && b <= 1e13)
                {
                    return (long)Math.Round(b);
                }
            }

            errors.Add(new ConfigurationError(OptionKeys.LinkBandwidth, text, "a positive rate with a unit (kbit, Mbit, Gbit) or plain bits/s, such as 1Gbit", Units.Bandwidth(fallback)));
            return fallback;
        }

        /// <summary>"50ms", "2.5 Gbit", "100000000": a non-negative number and an optional unit.</summary>
        private static bool TryQuantity(string text, out double number, out string unit)
        {
            var end = 0;
            while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.' || text[end] == '_'))
            {
                end++;
            }

            unit = text.Substring(end).Trim();
            return double.TryParse(text.Substring(0, end).Replace("_", string.Empty), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
                && !double.IsNaN(number) && !double.IsInfinity(number);
        }
    }
}
