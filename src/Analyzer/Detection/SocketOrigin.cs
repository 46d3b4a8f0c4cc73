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
        {
            Kind = kind;
            Origin = origin;
        }

        public static SocketOrigin Unknown => new SocketOrigin(SocketKind.Unknown, OriginKind.Unknown);

        public SocketKind Kind { get; }

        public OriginKind Origin { get; }

        /// <summary>Two possible origins merged: agreement is kept, disagreement becomes unknown.</summary>
        public SocketOrigin Merge(SocketOrigin other) => new SocketOrigin(
            Kind == other.Kind ? Kind : SocketKind.Unknown,
            Origin == other.Origin ? Origin : OriginKind.Unknown);
    }
}
