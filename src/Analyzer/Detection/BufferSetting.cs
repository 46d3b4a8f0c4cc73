using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Catalog;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// One place where code sets a socket buffer size, completely described: what was matched (form, value, socket
    /// expression), the value's constant or source, its guard, the socket's kind and origin, and the connect call that may
    /// precede it. Built once, immutable, handed to every rule, message and fix property; the only way to ask the window
    /// model about it is <see cref="Request"/>.
    /// </summary>
    internal sealed class BufferSetting
    {
        public BufferSetting(
            SetterMatch match,
            string owner,
            long? constant,
            ISymbol? source,
            Guard guard,
            SocketOrigin origin,
            IInvocationOperation? connectCall,
            string? via = null,
            string? connectedIn = null,
            TargetOs? platform = null)
        {
            Platform = platform;
            Via = via;
            ConnectedIn = connectedIn;
            Match = match;
            Owner = owner;
            Constant = constant;
            Source = source;
            Guard = guard;
            Origin = origin;
            ConnectCall = connectCall;
        }

        public SetterMatch Match { get; }

        /// <summary>The operating system an enclosing branch proves (<c>if (OperatingSystem.IsWindows())</c>), which overrides the configured one.</summary>
        public TargetOs? Platform { get; }

        /// <summary>For a call of a forwarder: the member the value goes through, e.g. "CrossPlatformSocket.ReceiveBufferSize"; null for a direct setting.</summary>
        public string? Via { get; }

        /// <summary>For a setting whose connection was made by a caller: the connect or accept and the member that made it, e.g. "ConnectAsync in Client.OpenAsync".</summary>
        public string? ConnectedIn { get; }

        public SetterForm Form => Match.Form;

        /// <summary>The assignment or invocation that sets the size.</summary>
        public IOperation Operation => Match.Operation;

        /// <summary>The value expression, implicit conversions removed; diagnostics sit on its syntax.</summary>
        public IOperation Value => Match.Value;

        public BufferSide Side => Form.Side;

        /// <summary>The method or member that holds the setting, as "Connector.Open".</summary>
        public string Owner { get; }

        /// <summary>The constant the value folds to as written (in the form's unit), if it does.</summary>
        public long? Constant { get; }

        /// <summary>The field, property, parameter or local the value reads, if any (followed once, here).</summary>
        public ISymbol? Source { get; }

        public Guard Guard { get; }

        public SocketOrigin Origin { get; }

        public SocketKind Kind => Origin.Kind;

        /// <summary>The connect call on the same socket that can run before this receive setting, or null.</summary>
        public IInvocationOperation? ConnectCall { get; }

        /// <summary>TCP rules report on TCP and on unknown sockets, never on a proven UDP or other socket.</summary>
        public bool MaybeTcp => Kind == SocketKind.Tcp || Kind == SocketKind.Unknown;

        /// <summary>The connection exists when the setting runs: after a connect call, on an accepted socket, after the connecting constructor, or through a knob the library applies after connecting.</summary>
        public bool ConnectionExists => ConnectCall != null || ConnectedIn != null || Origin.Origin == OriginKind.Accepted || Origin.Origin == OriginKind.ConnectingConstructor || Form.AppliedAfterConnect;

        /// <summary>"ReceiveBufferSize" or "SendBufferSize" for properties; the option name for the option calls.</summary>
        public string ShortName => Form.ShortName;

        /// <summary>"Socket.ReceiveBufferSize", "Socket.SetSocketOption(ReceiveBuffer)", a knob's name.</summary>
        public string SetterName => Form.DisplayName;

        public bool Force => Form.Force;

        public BinaryOperatorKind? CompoundOperator => Match.CompoundOperator;

        public Location ValueLocation => Value.Syntax.GetLocation();

        public Location SettingLocation => Operation.Syntax.GetLocation();

        /// <summary>
        /// The size the kernel receives for this setting on a profile, in bytes: the constant in the form's unit, or, for
        /// <c>ReceiveBufferSize *= 2</c>, the socket's starting size combined with it (Linux only). Null when not constant.
        /// </summary>
        public long? BytesOn(KernelProfile profile)
        {
            if (Constant is not long constant)
            {
                return null;
            }

            var bytes = ConstantFolder.Combine(constant, BinaryOperatorKind.Multiply, (long)Form.Unit);
            if (CompoundOperator is not { } op || bytes is not long operand)
            {
                return bytes;
            }

            // ReceiveBufferSize *= 2 starts from what the getter returns on a fresh Linux TCP socket: tcp_rmem[1] / tcp_wmem[1].
            if (profile.Os != TargetOs.Linux)
            {
                return null;
            }

            var start = Side == BufferSide.Receive ? profile.TcpRmem.Default : profile.TcpWmem.Default;
            return ConstantFolder.Combine(start, op, operand);
        }

        /// <summary>The same setting with the socket its callers pass (kind, origin, and the caller that connected it).</summary>
        public BufferSetting With(SocketOrigin origin, string? connectedIn) =>
            new BufferSetting(Match, Owner, Constant, Source, Guard, origin, ConnectCall, Via, connectedIn ?? ConnectedIn, Platform);

        /// <summary>The model's input for this setting with a value in bytes (its own, a default that reaches it, a recommendation).</summary>
        public BufferRequest Request(long bytes, SetTiming timing = SetTiming.BeforeConnect) =>
            new BufferRequest(bytes, Side, Kind, timing, Form.Api, Form.Force);
    }
}
