using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>One place where code sets a socket buffer size: found once, then handed to every rule.</summary>
    internal sealed class BufferSetting
    {
        public BufferSetting(
            IOperation operation,
            IOperation value,
            IOperation? receiver,
            BufferSide side,
            SetterApi api,
            string setterName,
            bool force,
            bool isInitializerMember,
            BinaryOperatorKind? compoundOperator)
        {
            Operation = operation;
            Value = value;
            Receiver = receiver;
            Side = side;
            Api = api;
            SetterName = setterName;
            Force = force;
            IsInitializerMember = isInitializerMember;
            CompoundOperator = compoundOperator;
        }

        /// <summary>The assignment or invocation that sets the size.</summary>
        public IOperation Operation { get; }

        /// <summary>The value expression, implicit conversions removed; diagnostics sit on its syntax.</summary>
        public IOperation Value { get; }

        /// <summary>The socket or client expression (the object creation for an initializer member); null if none.</summary>
        public IOperation? Receiver { get; }

        public BufferSide Side { get; }

        public SetterApi Api { get; }

        /// <summary>"Socket.ReceiveBufferSize", "TcpClient.SendBufferSize", "Socket.SetSocketOption(ReceiveBuffer)", ...</summary>
        public string SetterName { get; }

        /// <summary>SO_RCVBUFFORCE / SO_SNDBUFFORCE through SetRawSocketOption.</summary>
        public bool Force { get; }

        /// <summary><c>new TcpClient { ReceiveBufferSize = 8192 }</c>.</summary>
        public bool IsInitializerMember { get; }

        /// <summary>For <c>ReceiveBufferSize *= 2</c>: the operator; the value then combines with the socket's starting size.</summary>
        public BinaryOperatorKind? CompoundOperator { get; }

        /// <summary>The method or member that holds the setting, as "Connector.Open".</summary>
        public string Owner { get; set; } = string.Empty;

        /// <summary>The setting only runs when its value is configured (see <see cref="GuardFinder"/>).</summary>
        public bool Guarded { get; set; }

        /// <summary>The constant the value folds to, if it does (set by <see cref="ConstantFolder"/>).</summary>
        public long? Constant { get; set; }

        public Location ValueLocation => Value.Syntax.GetLocation();

        public Location SettingLocation => Operation.Syntax.GetLocation();

        /// <summary>"ReceiveBufferSize" or "SendBufferSize" for properties; the option name for the option calls.</summary>
        public string ShortName => Side == BufferSide.Receive
            ? (Api == SetterApi.SetSocketOption || Api == SetterApi.RawSocketOption ? "SO_RCVBUF" : "ReceiveBufferSize")
            : (Api == SetterApi.SetSocketOption || Api == SetterApi.RawSocketOption ? "SO_SNDBUF" : "SendBufferSize");
    }
}
