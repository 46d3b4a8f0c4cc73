using System;

namespace SocketBufferAnalyzers.Model
{
    /// <summary>The path a connection runs over: bandwidth and round-trip time.</summary>
    public readonly struct LinkProfile : IEquatable<LinkProfile>
    {
        public LinkProfile(long bitsPerSecond, long rttMicroseconds)
        {
            BitsPerSecond = bitsPerSecond;
            RttMicroseconds = rttMicroseconds;
        }

        /// <summary>1 Gbit/s at 50 ms: the link assumed when nothing is configured.</summary>
        public static LinkProfile Default => new LinkProfile(1_000_000_000, 50_000);

        public long BitsPerSecond { get; }

        public long RttMicroseconds { get; }

        public double RttSeconds => RttMicroseconds / 1e6;

        /// <summary>The bandwidth-delay product in bytes, rounded up.</summary>
        public long BdpBytes => (long)Math.Ceiling((decimal)BitsPerSecond * RttMicroseconds / 8_000_000m);

        public bool Equals(LinkProfile other) => BitsPerSecond == other.BitsPerSecond && RttMicroseconds == other.RttMicroseconds;

        public override bool Equals(object? obj) => obj is LinkProfile other && Equals(other);

        public override int GetHashCode() => unchecked((BitsPerSecond.GetHashCode() * 397) ^ RttMicroseconds.GetHashCode());

        /// <summary>"1 Gbit/s × 50 ms".</summary>
        public override string ToString() => Units.Bandwidth(BitsPerSecond) + " × " + Units.Duration(RttMicroseconds);
    }
}
