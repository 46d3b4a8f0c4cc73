using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Configuration
{
    /// <summary>
    /// Reads the deployment for one syntax tree into a profile and a link. Each setting has three layers, the most
    /// specific valid one winning: the default (of the configured kernel, where it depends on it), the MSBuild property
    /// (<c>&lt;SocketBufferLinuxKernel&gt;</c>, which the package makes compiler-visible, so it arrives as
    /// <c>build_property.SocketBufferLinuxKernel</c>), then the <c>socket_buffer.*</c> key of <c>.editorconfig</c>/<c>.globalconfig</c>.
    /// A value that cannot be read adds a <see cref="ConfigurationError"/> naming the key or the property and falls back to
    /// the layer below; nothing here throws.
    /// </summary>
    /// <remarks>
    /// The compiler puts the keys of global configs, the generated one with the <c>build_property.*</c> lines included,
    /// into every syntax tree's options as well as into the global options (tree sections override them), so reading
    /// a tree's options sees the properties too. An unset property arrives as an empty value and counts as absent.
    /// </remarks>
    internal static class SettingsReader
    {
        private const long MaxBytes = int.MaxValue;

        private const string KernelExpected = "a kernel version of 2.6 or later, such as 6.1";
        private const string BytesExpected = "a positive number of bytes up to 2147483647";
        private const string TripleExpected = "three positive numbers in ascending order, as sysctl prints them";
        private const string OsExpected = "linux, windows or macos";
        private const string RttExpected = "a positive duration with a unit (us, ms, s), such as 50ms";
        private const string RateExpected = "a positive rate with a unit (kbit, Mbit, Gbit) or plain bits/s, such as 1Gbit";

        private delegate bool Parser<T>(string text, out T value);

        public static AnalyzerSettings Read(AnalyzerConfigOptions options, ICollection<ConfigurationError> errors)
        {
            var version = Layered<KernelVersion>(options, OptionKeys.LinuxKernel, KernelProfile.Default.Version, KernelVersion.TryParse, KernelExpected, v => v.ToString(), errors);

            var profile = KernelProfile.Linux(version);
            var rmemMax = Layered(options, OptionKeys.RmemMax, profile.RmemMax, TrySize, BytesExpected, ShowBytes, errors);
            var wmemMax = Layered(options, OptionKeys.WmemMax, profile.WmemMax, TrySize, BytesExpected, ShowBytes, errors);
            var tcpRmem = Layered<TcpMem>(options, OptionKeys.TcpRmem, profile.TcpRmem, TcpMem.TryParse, TripleExpected, v => v.ToString(), errors);
            var tcpWmem = Layered<TcpMem>(options, OptionKeys.TcpWmem, profile.TcpWmem, TcpMem.TryParse, TripleExpected, v => v.ToString(), errors);
            var maxSockBuf = Layered(options, OptionKeys.MaxSockBuf, profile.MacMaxSockBuf, TrySize, BytesExpected, ShowBytes, errors);
            var os = Layered(options, OptionKeys.TargetOs, TargetOs.Linux, TryOs, OsExpected, ShowOs, errors);
            profile = profile.With(os: os, rmemMax: rmemMax, wmemMax: wmemMax, tcpRmem: tcpRmem, tcpWmem: tcpWmem, macMaxSockBuf: maxSockBuf);

            var link = new LinkProfile(
                Layered(options, OptionKeys.LinkBandwidth, LinkProfile.Default.BitsPerSecond, TryBandwidth, RateExpected, Units.Bandwidth, errors),
                Layered(options, OptionKeys.LinkRtt, LinkProfile.Default.RttMicroseconds, TryRtt, RttExpected, Units.Duration, errors));
            var settings = new AnalyzerSettings(profile, link);
            return settings.Equals(AnalyzerSettings.Default) ? AnalyzerSettings.Default : settings;
        }

        /// <summary>The raw value of each <c>socket_buffer.*</c> key (null when absent), in the order of <see cref="OptionKeys.All"/>.</summary>
        public static string?[] RawKeys(AnalyzerConfigOptions options)
        {
            var values = new string?[OptionKeys.All.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = options.TryGetValue(OptionKeys.All[i], out var value) ? value : null;
            }

            return values;
        }

        /// <summary>
        /// Whether a tree's options hold the same <c>socket_buffer.*</c> values as <paramref name="keys"/> (the global options'): then
        /// they read as the global options do. The <c>build_property.*</c> values are the project's, the same in every tree.
        /// </summary>
        public static bool SameKeys(AnalyzerConfigOptions options, string?[] keys)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                var value = options.TryGetValue(OptionKeys.All[i], out var found) ? found : null;
                if (!string.Equals(value, keys[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The default, overridden by a valid MSBuild property, overridden by a valid key; every unreadable value is an error.</summary>
        private static T Layered<T>(
            AnalyzerConfigOptions options, string key, T fallback, Parser<T> parse, string expected, Func<T, string> show, ICollection<ConfigurationError> errors)
        {
            var value = fallback;
            var property = OptionKeys.PropertyFor(key);
            if (property != null
                && options.TryGetValue(OptionKeys.BuildPropertyPrefix + property, out var propertyText)
                && propertyText != null
                && propertyText.Trim().Length > 0)
            {
                var text = propertyText.Trim();
                if (parse(text, out var parsed))
                {
                    value = parsed;
                }
                else
                {
                    errors.Add(new ConfigurationError(property, text, expected, show(value), fromMSBuildProperty: true));
                }
            }

            if (options.TryGetValue(key, out var keyText) && keyText != null)
            {
                var text = keyText.Trim();
                if (parse(text, out var parsed))
                {
                    value = parsed;
                }
                else
                {
                    errors.Add(new ConfigurationError(key, text, expected, show(value)));
                }
            }

            return value;
        }

        private static string ShowBytes(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string ShowOs(TargetOs os) => os switch
        {
            TargetOs.Windows => "windows",
            TargetOs.MacOS => "macos",
            _ => "linux",
        };

        private static bool TryOs(string text, out TargetOs os)
        {
            switch (text.ToLowerInvariant())
            {
                case "linux":
                    os = TargetOs.Linux;
                    return true;
                case "windows":
                    os = TargetOs.Windows;
                    return true;
                case "macos":
                case "osx":
                    os = TargetOs.MacOS;
                    return true;
                default:
                    os = TargetOs.Linux;
                    return false;
            }
        }

        private static bool TrySize(string text, out long value) =>
            long.TryParse(text.Replace("_", string.Empty), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0 && value <= MaxBytes;

        private static bool TryRtt(string text, out long microseconds)
        {
            microseconds = 0;
            if (!TryQuantity(text, out var number, out var unit))
            {
                return false;
            }

            double? micros = unit.ToLowerInvariant() switch
            {
                "us" or "µs" => number,
                "ms" => number * 1_000,
                "s" => number * 1_000_000,
                _ => null,
            };
            if (micros is double us && us >= 1 && us <= 600_000_000)
            {
                microseconds = (long)Math.Round(us);
                return true;
            }

            return false;
        }

        private static bool TryBandwidth(string text, out long bitsPerSecond)
        {
            bitsPerSecond = 0;
            if (!TryQuantity(text, out var number, out var unit))
            {
                return false;
            }

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
                bitsPerSecond = (long)Math.Round(b);
                return true;
            }

            return false;
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
