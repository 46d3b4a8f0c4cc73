using System.Collections.Immutable;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Catalog
{
    /// <summary>How a form's member is used when it sets a size.</summary>
    internal enum SetterShape
    {
        /// <summary>A property assignment (plain, compound, or an object-initializer member).</summary>
        PropertySetter,

        /// <summary>A method call; one argument carries the size.</summary>
        Invocation,

        /// <summary>A constructor call; one argument carries the size.</summary>
        Construction,
    }

    /// <summary>The unit a form's size is written in; the kernel always receives bytes.</summary>
    internal enum SizeUnit
    {
        Bytes = 1,
        KiB = 1024,
    }

    /// <summary>An argument that must be a given constant for a call to be this form (the option level and name of SetSocketOption).</summary>
    internal readonly struct RequiredArgument
    {
        public RequiredArgument(int ordinal, long value)
        {
            Ordinal = ordinal;
            Value = value;
        }

        public int Ordinal { get; }

        public long Value { get; }
    }

    /// <summary>
    /// One API form that sets a socket buffer size: a row of <see cref="SetterCatalog"/>. A form is a member of any type
    /// (a <c>Socket</c> property, an option call, a client library's knob) whose value ends up as SO_RCVBUF or SO_SNDBUF.
    /// </summary>
    internal sealed class SetterForm
    {
        public SetterForm(
            string typeName,
            string memberName,
            SetterShape shape,
            BufferSide side,
            SetterApi api,
            string displayName,
            string shortName,
            int valueOrdinal = -1,
            ImmutableArray<RequiredArgument> requiredArguments = default,
            bool force = false,
            bool valueIsBitConverterBytes = false,
            SizeUnit unit = SizeUnit.Bytes,
            bool receiverIsSocket = true,
            bool zeroMeansUnset = false,
            bool appliedAfterConnect = false,
            string? library = null)
        {
            TypeName = typeName;
            MemberName = memberName;
            Shape = shape;
            Side = side;
            Api = api;
            DisplayName = displayName;
            ShortName = shortName;
            ValueOrdinal = valueOrdinal;
            RequiredArguments = requiredArguments.IsDefault ? ImmutableArray<RequiredArgument>.Empty : requiredArguments;
            Force = force;
            ValueIsBitConverterBytes = valueIsBitConverterBytes;
            Unit = unit;
            ReceiverIsSocket = receiverIsSocket;
            ZeroMeansUnset = zeroMeansUnset;
            AppliedAfterConnect = appliedAfterConnect;
            Library = library;
        }

        /// <summary>Metadata name of the type that declares the member ("System.Net.Sockets.Socket").</summary>
        public string TypeName { get; }

        /// <summary>The property or method name; ".ctor" for a constructor.</summary>
        public string MemberName { get; }

        public SetterShape Shape { get; }

        public BufferSide Side { get; }

        /// <summary>How the value reaches the kernel (what a negative value does), for the window model.</summary>
        public SetterApi Api { get; }

        /// <summary>The setter as messages name it: "Socket.ReceiveBufferSize", "Socket.SetSocketOption(ReceiveBuffer)".</summary>
        public string DisplayName { get; }

        /// <summary>The short name used in sentences: "ReceiveBufferSize", "SO_RCVBUF".</summary>
        public string ShortName { get; }

        /// <summary>For calls and constructors: the ordinal of the parameter that carries the size.</summary>
        public int ValueOrdinal { get; }

        /// <summary>Arguments that must be these constants (option level and name).</summary>
        public ImmutableArray<RequiredArgument> RequiredArguments { get; }

        /// <summary>SO_RCVBUFFORCE / SO_SNDBUFFORCE: not clamped at the sysctl limit (needs CAP_NET_ADMIN).</summary>
        public bool Force { get; }

        /// <summary>The size arrives as <c>BitConverter.GetBytes(n)</c>: n is the value.</summary>
        public bool ValueIsBitConverterBytes { get; }

        /// <summary>The unit of the written value; bytes for every <c>System.Net.Sockets</c> form.</summary>
        public SizeUnit Unit { get; }

        /// <summary>The call's receiver (or the created object of an initializer) is the socket the size is set on.</summary>
        public bool ReceiverIsSocket { get; }

        /// <summary>0 leaves the buffer alone (a library that skips the socket option for 0); for sockets 0 is a size.</summary>
        public bool ZeroMeansUnset { get; }

        /// <summary>The library applies the value to sockets it has already connected (SOCK004 applies to every setting).</summary>
        public bool AppliedAfterConnect { get; }

        /// <summary>The client library whose knob this is, for messages; null for <c>System.Net.Sockets</c>.</summary>
        public string? Library { get; }
    }
}
