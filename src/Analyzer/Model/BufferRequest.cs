using System;

namespace SocketBufferAnalyzers.Model
{
    /// <summary>One buffer setting as the kernel receives it.</summary>
    public readonly struct BufferRequest : IEquatable<BufferRequest>
    {
        public BufferRequest(
            long value,
            BufferSide side,
            SocketKind kind = SocketKind.Tcp,
            SetTiming timing = SetTiming.BeforeConnect,
            SetterApi api = SetterApi.SocketProperty,
            bool force = false)
        {
            Value = value;
            Side = side;
            Kind = kind;
            Timing = timing;
            Api = api;
            Force = force;
        }

        /// <summary>The value the program passes, as written (may be negative).</summary>
        public long Value { get; }

        public BufferSide Side { get; }

        /// <summary>The socket kind; <see cref="SocketKind.Unknown"/> is modelled as TCP, the common case.</summary>
        public SocketKind Kind { get; }

        public SetTiming Timing { get; }

        public SetterApi Api { get; }

        /// <summary>SO_RCVBUFFORCE / SO_SNDBUFFORCE (needs CAP_NET_ADMIN): not clamped at the sysctl limit.</summary>
        public bool Force { get; }

        /// <summary>Whether the kernel treats the socket as TCP (unknown sockets are assumed to be).</summary>
        public bool IsTcp => Kind == SocketKind.Tcp || Kind == SocketKind.Unknown;

        /// <summary>A size a library applies to its own TCP connections (no setting in the user's code to describe it).</summary>
        public static BufferRequest LibraryDefault(long bytes, BufferSide side, SetTiming timing) => new BufferRequest(bytes, side, SocketKind.Tcp, timing);

        public BufferRequest WithTiming(SetTiming timing) => new BufferRequest(Value, Side, Kind, timing, Api, Force);

        public bool Equals(BufferRequest other) =>
            Value == other.Value && Side == other.Side && Kind == other.Kind && Timing == other.Timing && Api == other.Api && Force == other.Force;

        public override bool Equals(object? obj) => obj is BufferRequest other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = Value.GetHashCode();
                hash = (hash * 397) ^ (int)Side;
                hash = (hash * 397) ^ (int)Kind;
                hash = (hash * 397) ^ (int)Timing;
                hash = (hash * 397) ^ (int)Api;
                return (hash * 397) ^ (Force ? 1 : 0);
            }
        }
    }
}
