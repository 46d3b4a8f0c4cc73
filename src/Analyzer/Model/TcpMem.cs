using System;
using System.Globalization;

namespace SocketBufferAnalyzers.Model
{
    /// <summary>The three numbers of <c>net.ipv4.tcp_rmem</c> / <c>tcp_wmem</c>: min, default, max.</summary>
    public readonly struct TcpMem : IEquatable<TcpMem>
    {
        public TcpMem(long min, long @default, long max)
        {
            Min = min;
            Default = @default;
            Max = max;
        }

        public long Min { get; }

        /// <summary>The buffer a new TCP socket starts with.</summary>
        public long Default { get; }

        /// <summary>The ceiling autotuning can grow the buffer to.</summary>
        public long Max { get; }

        /// <summary>Reads three positive numbers as <c>sysctl</c> prints them ("4096 131072 6291456"), in ascending order.</summary>
        public static bool TryParse(string? text, out TcpMem value)
        {
            value = default;
            if (text == null)
            {
                return false;
            }

            var parts = text.Split(new[] { ' ', '\t', ',' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
            {
                return false;
            }

            var numbers = new long[3];
            for (var i = 0; i < 3; i++)
            {
                if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])
                    || numbers[i] <= 0 || numbers[i] > int.MaxValue)
                {
                    return false;
                }
            }

            if (numbers[0] > numbers[1] || numbers[1] > numbers[2])
            {
                return false;
            }

            value = new TcpMem(numbers[0], numbers[1], numbers[2]);
            return true;
        }

        public bool Equals(TcpMem other) => Min == other.Min && Default == other.Default && Max == other.Max;

        public override bool Equals(object? obj) => obj is TcpMem other && Equals(other);

        public override int GetHashCode() => unchecked((int)((Min * 31 + Default) * 31 + Max));

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}", Min, Default, Max);
    }
}
