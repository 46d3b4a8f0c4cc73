using System;
using System.Globalization;

namespace SocketBufferAnalyzers.Model
{
    /// <summary>A Linux kernel version, major and minor ("6.1"); patch levels do not change the model.</summary>
    public readonly struct KernelVersion : IEquatable<KernelVersion>, IComparable<KernelVersion>
    {
        public KernelVersion(int major, int minor)
        {
            Major = major;
            Minor = minor;
        }

        public int Major { get; }

        public int Minor { get; }

        /// <summary>The oldest version the model describes.</summary>
        public static KernelVersion Oldest => new KernelVersion(2, 6);

        /// <summary>
        /// Reads "6.1", "6.18.3" or "6.1.0-28-amd64" (what <c>uname -r</c> prints).
        /// Fails for anything else and for versions before 2.6.
        /// </summary>
        public static bool TryParse(string? text, out KernelVersion version)
        {
            version = default;
            if (text == null)
            {
                return false;
            }

            var parts = text.Trim().Split('.');
            if (parts.Length < 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                || !TryLeadingNumber(parts[1], out var minor))
            {
                return false;
            }

            var candidate = new KernelVersion(major, minor);
            if (candidate.CompareTo(Oldest) < 0 || major > 99)
            {
                return false;
            }

            version = candidate;
            return true;
        }

        private static bool TryLeadingNumber(string text, out int value)
        {
            var end = 0;
            while (end < text.Length && text[end] >= '0' && text[end] <= '9')
            {
                end++;
            }

            // "6.1" and "6.1-rc2" are fine; "6.x" is not; "6.1foo" is not.
            if (end == 0 || (end < text.Length && text[end] != '-'))
            {
                value = 0;
                return false;
            }

            return int.TryParse(text.Substring(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value < 1000;
        }

        public bool AtLeast(int major, int minor) => CompareTo(new KernelVersion(major, minor)) >= 0;

        public int CompareTo(KernelVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

        public bool Equals(KernelVersion other) => Major == other.Major && Minor == other.Minor;

        public override bool Equals(object? obj) => obj is KernelVersion other && Equals(other);

        public override int GetHashCode() => (Major * 1000) + Minor;

        public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);
    }
}
