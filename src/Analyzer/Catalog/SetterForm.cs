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

    /// <summary>How a form's value is written when it is text rather than a number.</summary>
    internal enum ValueSyntax
    {
        /// <summary>A number (the value is the size).</summary>
        Number,

        /// <summary>A connection string holding the form's keyword (Npgsql): the keyword's value is the size.</summary>
        NpgsqlConnectionString,

        /// <summary>A configuration value parsed as C <c>strtol(value, &amp;end, 0)</c> (librdkafka).</summary>
        CInteger,
    }

    /// <summary>
    /// An argument that must be a given constant for a call to be this form (the option level and name of SetSocketOption),
    /// a given string (a configuration key), or a given static member (DotNetty's <c>ChannelOption.SoRcvbuf</c>).
    /// </summary>
    internal readonly struct RequiredArgument
    {
        public RequiredArgument(int ordinal, long value)
        {
            Ordinal = ordinal;
            Value = value;
            Text = null;
            MemberType = null;
        }

        private RequiredArgument(int ordinal, string text, string? memberType)
        {
            Ordinal = ordinal;
            Value = 0;
            Text = text;
            MemberType = memberType;
        }

        public int Ordinal { get; }

        public long Value { get; }

        /// <summary>The string constant the argument must be (exact, case-sensitive), or with <see cref="MemberType"/> the static member's name.</summary>
        public string? Text { get; }

        /// <summary>Metadata name of the type whose static field or property (named <see cref="Text"/>) the argument must read.</summary>
        public string? MemberType { get; }

        /// <summary>The argument is this exact string constant (a configuration key).</summary>
        public static RequiredArgument String(int ordinal, string text) => new RequiredArgument(ordinal, text, null);

        /// <summary>The argument reads this static field or property (<c>ChannelOption.SoRcvbuf</c>).</summary>
        public static RequiredArgument StaticMember(int ordinal, string typeName, string memberName) => new RequiredArgument(ordinal, memberName, typeName);
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
            string? library = null,
            long? libraryDefault = null,
            bool defaultAppliedUnconditionally = false,
            bool negativeMeansUnset = false,
            ImmutableArray<string> alternativeTypeNames = default,
            string? receiverTypeName = null,
            string? anchorTypeName = null,
            ValueSyntax valueSyntax = ValueSyntax.Number,
            string? keyword = null,
            string? appliedAfterConnectBelowVersion = null,
            bool kindFromEndpoint = false)
        {
            KindFromEndpoint = kindFromEndpoint;
            LibraryDefault = libraryDefault;
            DefaultAppliedUnconditionally = defaultAppliedUnconditionally;
            NegativeMeansUnset = negativeMeansUnset;
            AlternativeTypeNames = alternativeTypeNames.IsDefault ? ImmutableArray<string>.Empty : alternativeTypeNames;
            ReceiverTypeName = receiverTypeName;
            AnchorTypeName = anchorTypeName;
            ValueSyntax = valueSyntax;
            Keyword = keyword;
            AppliedAfterConnectBelowVersion = appliedAfterConnectBelowVersion;
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
        public bool AppliedAfterConnect { get; private set; }

        /// <summary>The client library whose knob this is, for messages; null for <c>System.Net.Sockets</c>.</summary>
        public string? Library { get; }

        /// <summary>The value the library uses when the user sets nothing, in <see cref="Unit"/>; null when it sets nothing.</summary>
        public long? LibraryDefault { get; }

        /// <summary>The library applies <see cref="LibraryDefault"/> to every connection it makes (a locking default: SOCK008).</summary>
        public bool DefaultAppliedUnconditionally { get; }

        /// <summary>A negative value leaves the buffer alone too (the library tests <c>&gt; 0</c>).</summary>
        public bool NegativeMeansUnset { get; }

        /// <summary>Other metadata names of the same type in other versions (MQTTnet 4's <c>MQTTnet.Client.MqttClientTcpOptions</c>).</summary>
        public ImmutableArray<string> AlternativeTypeNames { get; }

        /// <summary>For a member of a shared base type: the call's receiver must be (or derive from) this type (DotNetty's client or server bootstrap).</summary>
        public string? ReceiverTypeName { get; }

        /// <summary>A type that must be visible for the row to exist (a general type's member that is a knob only for this library: Kafka keys in a dictionary).</summary>
        public string? AnchorTypeName { get; }

        /// <summary>How the value is written: a number, or text the library parses.</summary>
        public ValueSyntax ValueSyntax { get; }

        /// <summary>For <see cref="ValueSyntax.NpgsqlConnectionString"/>: the keyword whose value is this side's size.</summary>
        public string? Keyword { get; }

        /// <summary>Assembly versions below this one apply the value after connecting (Npgsql up to 9.x); null when the timing does not depend on the version.</summary>
        public string? AppliedAfterConnectBelowVersion { get; private set; }

        /// <summary>A constant that the library reads as "not set": nothing reaches the socket.</summary>
        public bool MeansUnset(long value) => (value == 0 && ZeroMeansUnset) || (value < 0 && NegativeMeansUnset);

        /// <summary>
        /// The library picks the transport from the endpoint its socket binds or connects to (NetMQ: <c>tcp://</c>, <c>ipc://</c> over TCP,
        /// <c>pgm://</c>/<c>epgm://</c> on an RDM socket, <c>inproc://</c> with no kernel socket): the knob's socket kind comes from the
        /// endpoints given to the same socket (<see cref="LibraryKnobs.Endpoints"/>) rather than being assumed TCP.
        /// </summary>
        public bool KindFromEndpoint { get; }

        /// <summary>
        /// A library knob whose type this compilation declares (the library's own repository): the library's source is analysed too, so
        /// the flow sees the real setting on its sockets and the knob adds only what the flow cannot see, a constant given to it. A value
        /// that is not constant (the library forwarding its own configuration, <c>With(receiveBufferSize: key.ReceiveBufferSize)</c>) is
        /// plumbing: no SOCK004 or SOCK006 at the knob.
        /// </summary>
        public bool DeclaredInSource { get; private set; }

        /// <summary>The row carries the buffer only for a constant value (see <see cref="DeclaredInSource"/>).</summary>
        public bool IsPlumbingFor(long? constant) => DeclaredInSource && constant == null;

        /// <summary>This row with <see cref="AppliedAfterConnect"/> set (a library version that applies it late).</summary>
        public SetterForm AppliedLate()
        {
            var late = (SetterForm)MemberwiseClone();
            late.AppliedAfterConnect = true;
            late.AppliedAfterConnectBelowVersion = null;
            return late;
        }

        /// <summary>This row with <see cref="DeclaredInSource"/> set (bound where the compilation declares the knob's type).</summary>
        public SetterForm InSource()
        {
            var copy = (SetterForm)MemberwiseClone();
            copy.DeclaredInSource = true;
            return copy;
        }
    }
}
