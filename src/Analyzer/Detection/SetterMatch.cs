using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Catalog;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>What the finder matched: an operation that sets a buffer through one catalog form.</summary>
    internal sealed class SetterMatch
    {
        public SetterMatch(IOperation operation, SetterForm form, IOperation value, IOperation? receiver, bool isInitializerMember, BinaryOperatorKind? compoundOperator)
        {
            Operation = operation;
            Form = form;
            Value = value;
            Receiver = receiver;
            IsInitializerMember = isInitializerMember;
            CompoundOperator = compoundOperator;
        }

        /// <summary>The assignment or invocation that sets the size.</summary>
        public IOperation Operation { get; }

        public SetterForm Form { get; }

        /// <summary>The value expression, implicit conversions removed; diagnostics sit on its syntax.</summary>
        public IOperation Value { get; }

        /// <summary>The socket or client expression (the object creation for an initializer member); null if none.</summary>
        public IOperation? Receiver { get; }

        /// <summary><c>new TcpClient { ReceiveBufferSize = 8192 }</c>.</summary>
        public bool IsInitializerMember { get; }

        /// <summary>For <c>ReceiveBufferSize *= 2</c>: the operator; the value then combines with the socket's starting size.</summary>
        public BinaryOperatorKind? CompoundOperator { get; }
    }
}
