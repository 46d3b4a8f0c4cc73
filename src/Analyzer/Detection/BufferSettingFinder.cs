using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>Recognises every API form that sets a buffer size (rules.md, "APIs that set a buffer").</summary>
    internal sealed class BufferSettingFinder
    {
        // SocketOptionLevel.Socket and SocketOptionName values (System.Net.Sockets).
        private const int SocketOptionLevelSocket = 0xffff;
        private const int SocketOptionNameSendBuffer = 0x1001;
        private const int SocketOptionNameReceiveBuffer = 0x1002;

        // Linux SOL_SOCKET and the SO_*BUF option numbers for SetRawSocketOption.
        private const int SolSocket = 1;
        private const int SoSndBuf = 7;
        private const int SoRcvBuf = 8;
        private const int SoSndBufForce = 32;
        private const int SoRcvBufForce = 33;

        private readonly SocketSymbols _symbols;

        public BufferSettingFinder(SocketSymbols symbols)
        {
            _symbols = symbols;
        }

        /// <summary>A property assignment (plain, compound, or an object-initializer member) that sets a buffer size.</summary>
        public BufferSetting? FromAssignment(IAssignmentOperation assignment)
        {
            if (assignment.Target is not IPropertyReferenceOperation propertyReference)
            {
                return null;
            }

            var property = propertyReference.Property.OriginalDefinition;
            BufferSide side;
            SetterApi api;
            string owner;
            if (Same(property, _symbols.SocketReceiveBufferSize))
            {
                (side, api, owner) = (BufferSide.Receive, SetterApi.SocketProperty, "Socket");
            }
            else if (Same(property, _symbols.SocketSendBufferSize))
            {
                (side, api, owner) = (BufferSide.Send, SetterApi.SocketProperty, "Socket");
            }
            else if (Same(property, _symbols.TcpClientReceiveBufferSize))
            {
                (side, api, owner) = (BufferSide.Receive, SetterApi.TcpClientProperty, "TcpClient");
            }
            else if (Same(property, _symbols.TcpClientSendBufferSize))
            {
                (side, api, owner) = (BufferSide.Send, SetterApi.TcpClientProperty, "TcpClient");
            }
            else
            {
                return null;
            }

            var receiver = propertyReference.Instance;
            var inInitializer = false;
            if (receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                receiver = EnclosingCreation(assignment);
                inInitializer = true;
            }

            var compound = assignment is ICompoundAssignmentOperation c ? c.OperatorKind : (BinaryOperatorKind?)null;
            return new BufferSetting(
                assignment,
                Unwrap(assignment.Value),
                receiver,
                side,
                api,
                owner + "." + property.Name,
                force: false,
                inInitializer,
                compound);
        }

        /// <summary><c>SetSocketOption(SocketOptionLevel.Socket, ReceiveBuffer|SendBuffer, value)</c> or <c>SetRawSocketOption(1, SO_*BUF, bytes)</c>.</summary>
        public BufferSetting? FromInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic || !_symbols.IsSocket(method.ContainingType) || invocation.Arguments.Length != 3)
            {
                return null;
            }

            if (method.Name == "SetSocketOption")
            {
                return FromSetSocketOption(invocation);
            }

            return method.Name == "SetRawSocketOption" ? FromSetRawSocketOption(invocation) : null;
        }

        private BufferSetting? FromSetSocketOption(IInvocationOperation invocation)
        {
            var level = Argument(invocation, 0);
            var name = Argument(invocation, 1);
            var value = Argument(invocation, 2);
            if (level == null || name == null || value == null
                || !SymbolEqualityComparer.Default.Equals(level.Type, _symbols.SocketOptionLevel)
                || ConstantFolder.AsInt64(level.ConstantValue) != SocketOptionLevelSocket)
            {
                return null;
            }

            // Only the int and object overloads carry a size; bool and byte[] do not.
            var valueType = value.Type?.SpecialType;
            if (valueType != SpecialType.System_Int32 && valueType != SpecialType.System_Object)
            {
                return null;
            }

            var side = ConstantFolder.AsInt64(name.ConstantValue) switch
            {
                SocketOptionNameReceiveBuffer => BufferSide.Receive,
                SocketOptionNameSendBuffer => BufferSide.Send,
                _ => (BufferSide?)null,
            };
            if (side == null)
            {
                return null;
            }

            var optionName = side == BufferSide.Receive ? "ReceiveBuffer" : "SendBuffer";
            return new BufferSetting(
                invocation,
                Unwrap(value),
                invocation.Instance,
                side.Value,
                SetterApi.SetSocketOption,
                "Socket.SetSocketOption(" + optionName + ")",
                force: false,
                isInitializerMember: false,
                compoundOperator: null);
        }

        private BufferSetting? FromSetRawSocketOption(IInvocationOperation invocation)
        {
            var level = Argument(invocation, 0);
            var name = Argument(invocation, 1);
            var value = Argument(invocation, 2);
            if (level == null || name == null || value == null || ConstantFolder.AsInt64(level.ConstantValue) != SolSocket)
            {
                return null;
            }

            (BufferSide Side, bool Force, string Name)? option = ConstantFolder.AsInt64(name.ConstantValue) switch
            {
                SoRcvBuf => (BufferSide.Receive, false, "SO_RCVBUF"),
                SoRcvBufForce => (BufferSide.Receive, true, "SO_RCVBUFFORCE"),
                SoSndBuf => (BufferSide.Send, false, "SO_SNDBUF"),
                SoSndBufForce => (BufferSide.Send, true, "SO_SNDBUFFORCE"),
                _ => null,
            };
            if (option == null)
            {
                return null;
            }

            // The size usually arrives as BitConverter.GetBytes(n): then n is the value.
            var bytes = Unwrap(value);
            if (bytes is IInvocationOperation { TargetMethod: { Name: "GetBytes", IsStatic: true } getBytes } call
                && SymbolEqualityComparer.Default.Equals(getBytes.ContainingType, _symbols.BitConverter)
                && call.Arguments.Length == 1
                && call.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32)
            {
                bytes = Unwrap(call.Arguments[0].Value);
            }

            return new BufferSetting(
                invocation,
                bytes,
                invocation.Instance,
                option.Value.Side,
                SetterApi.RawSocketOption,
                "Socket.SetRawSocketOption(" + option.Value.Name + ")",
                option.Value.Force,
                isInitializerMember: false,
                compoundOperator: null);
        }

        /// <summary>Removes implicit conversions (int to span, ...), boxing casts to object and parentheses.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion when conversion.IsImplicit || conversion.Type?.SpecialType == SpecialType.System_Object:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        private static IOperation? Argument(IInvocationOperation invocation, int ordinal) =>
            invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value;

        private static IOperation? EnclosingCreation(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IObjectOrCollectionInitializerOperation initializer)
                {
                    return initializer.Parent;
                }
            }

            return null;
        }

        private static bool Same(IPropertySymbol property, IPropertySymbol? known) =>
            known != null && SymbolEqualityComparer.Default.Equals(property, known);
    }
}
