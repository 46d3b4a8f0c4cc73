using System.Collections.Immutable;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Catalog
{
    /// <summary>
    /// Every API form that sets a socket buffer size, and every member that connects or accepts a socket, as data.
    /// The finder, the origin resolver, the connection timeline and the fixes read these rows; a new API form is one row
    /// plus its tests. Rows whose type the compilation cannot see are dropped when the catalog is bound to it.
    /// </summary>
    internal static class SetterCatalog
    {
        public const string Socket = "System.Net.Sockets.Socket";
        public const string TcpClient = "System.Net.Sockets.TcpClient";
        public const string UdpClient = "System.Net.Sockets.UdpClient";
        public const string TcpListener = "System.Net.Sockets.TcpListener";
        public const string SocketAsyncEventArgs = "System.Net.Sockets.SocketAsyncEventArgs";

        // SocketOptionLevel.Socket and SocketOptionName.SendBuffer/ReceiveBuffer (System.Net.Sockets).
        private const long SocketOptionLevelSocket = 0xffff;
        private const long SocketOptionNameSendBuffer = 0x1001;
        private const long SocketOptionNameReceiveBuffer = 0x1002;

        // Linux SOL_SOCKET and SO_SNDBUF/SO_RCVBUF/SO_SNDBUFFORCE/SO_RCVBUFFORCE (include/uapi/asm-generic/socket.h).
        private const long SolSocket = 1;
        private const long SoSndBuf = 7;
        private const long SoRcvBuf = 8;
        private const long SoSndBufForce = 32;
        private const long SoRcvBufForce = 33;

        /// <summary>The forms; several rows may share a member (one per side, or per option constant).</summary>
        public static ImmutableArray<SetterForm> Forms { get; } = ImmutableArray.Create(
            Property(Socket, "ReceiveBufferSize", BufferSide.Receive, SetterApi.SocketProperty, "Socket"),
            Property(Socket, "SendBufferSize", BufferSide.Send, SetterApi.SocketProperty, "Socket"),
            Property(TcpClient, "ReceiveBufferSize", BufferSide.Receive, SetterApi.TcpClientProperty, "TcpClient"),
            Property(TcpClient, "SendBufferSize", BufferSide.Send, SetterApi.TcpClientProperty, "TcpClient"),
            SocketOption(BufferSide.Receive, SocketOptionNameReceiveBuffer, "ReceiveBuffer", "SO_RCVBUF"),
            SocketOption(BufferSide.Send, SocketOptionNameSendBuffer, "SendBuffer", "SO_SNDBUF"),
            RawOption(BufferSide.Receive, SoRcvBuf, "SO_RCVBUF", force: false),
            RawOption(BufferSide.Receive, SoRcvBufForce, "SO_RCVBUFFORCE", force: true),
            RawOption(BufferSide.Send, SoSndBuf, "SO_SNDBUF", force: false),
            RawOption(BufferSide.Send, SoSndBufForce, "SO_SNDBUFFORCE", force: true),

            // NetMQ (pure C#): SocketOptions.ReceiveBuffer/SendBuffer, bytes; 0 (the default) leaves the OS default.
            Knob("NetMQ.SocketOptions", "ReceiveBuffer", BufferSide.Receive, "NetMQ", "SocketOptions.ReceiveBuffer"),
            Knob("NetMQ.SocketOptions", "SendBuffer", BufferSide.Send, "NetMQ", "SocketOptions.SendBuffer"));

        /// <summary>Members after which the socket they are called on is connected.</summary>
        public static ImmutableArray<ConnectionMember> Connects { get; } = ImmutableArray.Create(
            new ConnectionMember(Socket, "Connect"),
            new ConnectionMember(Socket, "ConnectAsync"),
            new ConnectionMember(Socket, "BeginConnect"),
            new ConnectionMember(TcpClient, "Connect"),
            new ConnectionMember(TcpClient, "ConnectAsync"),
            new ConnectionMember(TcpClient, "BeginConnect"));

        /// <summary>Members that return (or, for a property, hold) a socket whose connection already exists.</summary>
        public static ImmutableArray<ConnectionMember> Accepts { get; } = ImmutableArray.Create(
            new ConnectionMember(Socket, "Accept"),
            new ConnectionMember(Socket, "AcceptAsync"),
            new ConnectionMember(Socket, "EndAccept"),
            new ConnectionMember(TcpListener, "AcceptSocket"),
            new ConnectionMember(TcpListener, "AcceptSocketAsync"),
            new ConnectionMember(TcpListener, "EndAcceptSocket"),
            new ConnectionMember(TcpListener, "AcceptTcpClient"),
            new ConnectionMember(TcpListener, "AcceptTcpClientAsync"),
            new ConnectionMember(TcpListener, "EndAcceptTcpClient"),
            new ConnectionMember(SocketAsyncEventArgs, "AcceptSocket"));

        private static SetterForm Property(string type, string name, BufferSide side, SetterApi api, string owner) =>
            new SetterForm(type, name, SetterShape.PropertySetter, side, api, owner + "." + name, name);

        private static SetterForm SocketOption(BufferSide side, long optionName, string optionText, string shortName) =>
            new SetterForm(
                Socket,
                "SetSocketOption",
                SetterShape.Invocation,
                side,
                SetterApi.SetSocketOption,
                "Socket.SetSocketOption(" + optionText + ")",
                shortName,
                valueOrdinal: 2,
                requiredArguments: ImmutableArray.Create(new RequiredArgument(0, SocketOptionLevelSocket), new RequiredArgument(1, optionName)));

        private static SetterForm RawOption(BufferSide side, long optionName, string optionText, bool force) =>
            new SetterForm(
                Socket,
                "SetRawSocketOption",
                SetterShape.Invocation,
                side,
                SetterApi.RawSocketOption,
                "Socket.SetRawSocketOption(" + optionText + ")",
                side == BufferSide.Receive ? "SO_RCVBUF" : "SO_SNDBUF",
                valueOrdinal: 2,
                requiredArguments: ImmutableArray.Create(new RequiredArgument(0, SolSocket), new RequiredArgument(1, optionName)),
                force: force,
                valueIsBitConverterBytes: true);

        private static SetterForm Knob(string type, string name, BufferSide side, string library, string displayName, SizeUnit unit = SizeUnit.Bytes) =>
            new SetterForm(
                type,
                name,
                SetterShape.PropertySetter,
                side,
                SetterApi.TcpClientProperty,
                displayName,
                name,
                unit: unit,
                receiverIsSocket: false,
                zeroMeansUnset: true,
                library: library);
    }
}
