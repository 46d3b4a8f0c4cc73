using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>How the socket a setting is made on came to be.</summary>
    internal enum OriginKind
    {
        /// <summary>Not visible: a parameter, a field set elsewhere, a method's return value.</summary>
        Unknown,

        /// <summary>Created here, not yet connected (a Socket or TcpClient constructor, a listener's socket).</summary>
        Created,

        /// <summary>Returned by an Accept* method: the connection already exists.</summary>
        Accepted,

        /// <summary><c>new TcpClient(host, port)</c>: the constructor connects.</summary>
        ConnectingConstructor,
    }

    /// <summary>What the code shows about a socket: its kind and its origin.</summary>
    internal readonly struct SocketOrigin
    {
        public SocketOrigin(SocketKind kind, OriginKind origin)
            : this(kind, origin, pending: false)
        {
        }

        private SocketOrigin(SocketKind kind, OriginKind origin, bool pending)
        {
            Kind = kind;
            Origin = origin;
            Pending = pending;
        }

        public static SocketOrigin Unknown => new SocketOrigin(SocketKind.Unknown, OriginKind.Unknown);

        /// <summary>Unknown in its type: a factory method of another type of the compilation decides it, at compilation end.</summary>
        public static SocketOrigin FromOtherType => new SocketOrigin(SocketKind.Unknown, OriginKind.Unknown, pending: true);

        public SocketKind Kind { get; }

        public OriginKind Origin { get; }

        /// <summary>
        /// Part of what the socket may be is decided by another type (<see cref="FromOtherType"/>): the setting waits for
        /// compilation end, where the same resolution runs with every type's factories known.
        /// </summary>
        public bool Pending { get; }

        /// <summary>Two possible origins merged: agreement is kept, disagreement becomes unknown.</summary>
        public SocketOrigin Merge(SocketOrigin other)
        {
            // A side that is unknown in both kind and origin makes the merge unknown whatever the other type says: nothing to wait for.
            var settled = (!Pending && Kind == SocketKind.Unknown && Origin == OriginKind.Unknown)
                || (!other.Pending && other.Kind == SocketKind.Unknown && other.Origin == OriginKind.Unknown);
            return new SocketOrigin(
                Kind == other.Kind ? Kind : SocketKind.Unknown,
                Origin == other.Origin ? Origin : OriginKind.Unknown,
                !settled && (Pending || other.Pending));
        }
    }
}
