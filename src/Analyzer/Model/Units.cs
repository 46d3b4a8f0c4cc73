using System;
using System.Globalization;

namespace SocketBufferAnalyzers.Model
{
    /// <summary>How sizes, rates and durations print in messages.</summary>
    public static class Units
    {
        private const long KiB = 1024;
        private const long MiB = 1024 * 1024;

        /// <summary>"64 KiB", "7 MiB" when exact; otherwise "64088 bytes".</summary>
        public static string Bytes(long bytes)
        {
            if (bytes != 0 && bytes % MiB == 0)
            {
                return Invariant(bytes / MiB) + " MiB";
            }

            if (bytes != 0 && bytes % KiB == 0)
            {
                return Invariant(bytes / KiB) + " KiB";
            }

            return Invariant(bytes) + (bytes == 1 || bytes == -1 ? " byte" : " bytes");
        }

        /// <summary>A rate in bytes per second as "5.2 Mbit/s" or "1.8 Gbit/s": 2 significant digits below 10, else 3.</summary>
        public static string Rate(double bytesPerSecond)
        {
            var bits = bytesPerSecond * 8;

            // Pick the unit after rounding: 999.6 Mbit/s prints as "1.0 Gbit/s", not "1000 Mbit/s".
            return bits >= 999.5e6 ? Significant(bits / 1e9) + " Gbit/s" : Significant(bits / 1e6) + " Mbit/s";
        }

        /// <summary>A link rate in bits per second: "1 Gbit/s", "100 Mbit/s", "2.5 Gbit/s", "64 kbit/s".</summary>
        public static string Bandwidth(long bitsPerSecond)
        {
            if (bitsPerSecond >= 1_000_000_000)
            {
                return Trim(bitsPerSecond / 1e9) + " Gbit/s";
            }

            if (bitsPerSecond >= 1_000_000)
            {
                return Trim(bitsPerSecond / 1e6) + " Mbit/s";
            }

            return bitsPerSecond >= 1000 ? Trim(bitsPerSecond / 1e3) + " kbit/s" : Invariant(bitsPerSecond) + " bit/s";
        }

        /// <summary>A round-trip time: "50 ms", "0.5 ms", "2 s".</summary>
        public static string Duration(long microseconds)
        {
            if (microseconds >= 1_000_000 && microseconds % 1_000_000 == 0)
            {
                return Invariant(microseconds / 1_000_000) + " s";
            }

            return microseconds >= 100 ? Trim(microseconds / 1000.0) + " ms" : Invariant(microseconds) + " µs";
        }

        private static string Significant(double value)
        {
            // Thresholds are where the rounded text gains a digit: 99.96 is "100", not "100.0"; 0.996 is "1.0".
            if (value <= 0)
            {
                return "0";
            }

            if (value >= 99.95)
            {
                return Math.Round(value).ToString("0", CultureInfo.InvariantCulture);
            }

            if (value >= 0.995)
            {
                return value.ToString("0.0", CultureInfo.InvariantCulture);
            }

            // Two significant digits below 1, trailing zero kept: 0.46, 0.058, 0.0080.
            var digits = Math.Min(9, 1 - (int)Math.Floor(Math.Log10(Math.Max(value, 1e-9))));
            var rounded = Math.Round(value, digits);
            if (rounded >= Math.Pow(10, 1 - digits) * 10 - 1e-12 && digits > 1)
            {
                // 0.0996 rounds to 0.10: one decimal fewer keeps two significant digits.
                digits--;
            }

            return value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        private static string Trim(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

        private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
