using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Works out a socket's kind and origin from what the method shows (docs/rules/README.md, "Socket kind"): the client type,
    /// the <c>Socket</c> constructor's arguments, the catalog's accept members, locals followed to every value written to them,
    /// and fields through the assignments their type makes (supplied by the caller).
    /// </summary>
    internal sealed class SocketOriginResolver
    {
        // System.Net.Sockets enum values.
        private const int AddressFamilyUnix = 1;
        private const int SocketTypeStream = 1;
        private const int SocketTypeDgram = 2;
        private const int ProtocolTypeUnspecifiedOrIp = 0;
        private const int ProtocolTypeTcp = 6;
        private const int ProtocolTypeUdp = 17;
        private const int MaxDepth = 6;

        private readonly SocketSymbols _symbols;
        private readonly MethodBodies _bodies;
        private readonly Func<ISymbol, SocketOrigin> _memberOrigin;

        /// <param name="memberOrigin">The origin of a field or property of the analysed type, from every assignment the type makes to it.</param>
        public SocketOriginResolver(SocketSymbols symbols, MethodBodies bodies, Func<ISymbol, SocketOrigin> memberOrigin)
        {
            _symbols = symbols;
            _bodies = bodies;
            _memberOrigin = memberOrigin;
        }

        public SocketSymbols Symbols => _symbols;

        public SocketOrigin Resolve(IOperation? operation) => Resolve(operation, 0);

        /// <summary>The local, parameter or field a receiver stands for, through <c>.Client</c> and <c>.Server</c>; null if none.</summary>
        public ISymbol? RootSymbol(IOperation? operation)
        {
            while (operation != null)
            {
                operation = BufferSettingFinder.Unwrap(operation);
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case IFieldReferenceOperation field when IsThisOrStatic(field.Instance):
                        return field.Field;
                    case IPropertyReferenceOperation property when IsClientOrServer(property):
                        operation = property.Instance;
                        continue;
                    case IPropertyReferenceOperation property when IsThisOrStatic(property.Instance) && property.Property.Parameters.IsEmpty:
                        return property.Property;
                    default:
                        return null;
                }
            }

            return null;
        }

        private SocketOrigin Resolve(IOperation? operation, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return SocketOrigin.Unknown;
            }

            operation = BufferSettingFinder.Unwrap(operation);
            switch (operation)
            {
                case IConversionOperation conversion:
                    return Resolve(conversion.Operand, depth + 1);
                case IObjectCreationOperation creation:
                    return FromCreation(creation);
                case IInvocationOperation invocation:
                    return FromInvocation(invocation, depth);
                case IAwaitOperation awaited:
                    return Resolve(awaited.Operation, depth + 1);
                case IPropertyReferenceOperation property when IsClientOrServer(property):
                    return FromClientOrServer(property, depth);
                case IPropertyReferenceOperation property when _symbols.Catalog.IsAccept(property.Property):
                    return new SocketOrigin(SocketKind.Tcp, OriginKind.Accepted);
                case ILocalReferenceOperation local:
                    return FromLocal(local, depth);
                case IFieldReferenceOperation field when IsThisOrStatic(field.Instance):
                    return _memberOrigin(field.Field);
                case IPropertyReferenceOperation property when IsThisOrStatic(property.Instance):
                    return _memberOrigin(property.Property);
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return Resolve(conditional.WhenTrue, depth + 1).Merge(Resolve(conditional.WhenFalse, depth + 1));
                case ICoalesceOperation coalesce:
                    return Resolve(coalesce.Value, depth + 1).Merge(Resolve(coalesce.WhenNull, depth + 1));
                default:
                    return SocketOrigin.Unknown;
            }
        }

        private SocketOrigin FromCreation(IObjectCreationOperation creation)
        {
            var type = creation.Type;
            if (_symbols.IsTcpClient(type))
            {
                // TcpClient(string hostname, int port) connects in the constructor.
                var connecting = creation.Constructor?.Parameters.Length == 2
                    && creation.Constructor.Parameters[0].Type.SpecialType == SpecialType.System_String;
                return new SocketOrigin(SocketKind.Tcp, connecting ? OriginKind.ConnectingConstructor : OriginKind.Created);
            }

            if (_symbols.IsUdpClient(type))
            {
                return new SocketOrigin(SocketKind.Udp, OriginKind.Created);
            }

            if (_symbols.IsTcpListener(type))
            {
                return new SocketOrigin(SocketKind.Tcp, OriginKind.Created);
            }

            return _symbols.IsSocket(type) ? new SocketOrigin(KindFromSocketConstructor(creation), OriginKind.Created) : SocketOrigin.Unknown;
        }

        private SocketKind KindFromSocketConstructor(IObjectCreationOperation creation)
        {
            long? family = null, socketType = null, protocol = null;
            var sawType = false;
            foreach (var argument in creation.Arguments)
            {
                var parameterType = argument.Parameter?.Type;
                var value = ConstantFolder.AsInt64(BufferSettingFinder.Unwrap(argument.Value).ConstantValue);
                if (SymbolEqualityComparer.Default.Equals(parameterType, _symbols.AddressFamily))
                {
                    family = value;
                }
                else if (SymbolEqualityComparer.Default.Equals(parameterType, _symbols.SocketType))
                {
                    socketType = value;
                    sawType = true;
                }
                else if (SymbolEqualityComparer.Default.Equals(parameterType, _symbols.ProtocolType))
                {
                    protocol = value;
                }
            }

            if (!sawType)
            {
                // new Socket(SafeSocketHandle): an existing socket of any kind.
                return SocketKind.Unknown;
            }

            if (family == AddressFamilyUnix)
            {
                return SocketKind.Other;
            }

            switch (socketType)
            {
                case SocketTypeStream when protocol == ProtocolTypeTcp || protocol == ProtocolTypeUnspecifiedOrIp:
                    return SocketKind.Tcp;
                case SocketTypeStream when protocol == ProtocolTypeUdp:
                    // The protocol says UDP (the constructor throws on Linux, EPROTONOSUPPORT): never a TCP buffer.
                    return SocketKind.Udp;
                case SocketTypeDgram:
                    return SocketKind.Udp;
                case null:
                    return protocol == ProtocolTypeUdp ? SocketKind.Udp : protocol == ProtocolTypeTcp ? SocketKind.Tcp : SocketKind.Unknown;
                case SocketTypeStream:
                    return SocketKind.Unknown;
                default:
                    // Raw, Rdm, Seqpacket.
                    return socketType > 0 ? SocketKind.Other : SocketKind.Unknown;
            }
        }

        private SocketOrigin FromInvocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "ConfigureAwait" && invocation.Instance != null)
            {
                return Resolve(invocation.Instance, depth + 1);
            }

            if (!_symbols.Catalog.IsAccept(method))
            {
                // A factory of the analysed type: the join of the sockets it returns (supplied by the caller, like fields).
                return _memberOrigin(method.OriginalDefinition);
            }

            // An accepted socket is of its listener's kind; a TcpListener's and an unknown listener's are TCP.
            var listener = _symbols.IsSocket(method.ContainingType) ? Resolve(invocation.Instance, depth + 1).Kind : SocketKind.Tcp;
            var kind = listener == SocketKind.Other || listener == SocketKind.Udp ? listener : SocketKind.Tcp;
            return new SocketOrigin(kind, OriginKind.Accepted);
        }

        private SocketOrigin FromClientOrServer(IPropertyReferenceOperation property, int depth)
        {
            var owner = property.Property.ContainingType;
            if (_symbols.IsUdpClient(owner))
            {
                return new SocketOrigin(SocketKind.Udp, OriginKind.Created);
            }

            var inner = Resolve(property.Instance, depth + 1);
            return new SocketOrigin(SocketKind.Tcp, inner.Origin == OriginKind.Unknown && _symbols.IsTcpListener(owner) ? OriginKind.Created : inner.Origin);
        }

        /// <summary>
        /// The socket a local holds where it is read: the value of the last write before the read that runs whenever the read
        /// does (a statement of the read's own block or of an enclosing one, with no other write between them and none that a
        /// loop or a lambda can bring back), else every write to it merged.
        /// </summary>
        private SocketOrigin FromLocal(ILocalReferenceOperation reference, int depth)
        {
            var writes = _bodies.For(reference).LocalWrites.Of(reference.Local);
            if (ReachingWrite(reference, writes) is { } reaching)
            {
                // A write whose value is not visible (out var, ref argument, pattern) leaves the socket unknown.
                return reaching.Value == null ? SocketOrigin.Unknown : Resolve(reaching.Value, depth + 1);
            }

            SocketOrigin? merged = null;
            foreach (var (_, written) in writes)
            {
                var origin = written == null ? SocketOrigin.Unknown : Resolve(written, depth + 1);
                merged = merged?.Merge(origin) ?? origin;
            }

            return merged ?? SocketOrigin.Unknown;
        }

        /// <summary>The one write that reaches the read on every path, or null when several can.</summary>
        private static (IOperation Site, IOperation? Value)? ReachingWrite(ILocalReferenceOperation read, System.Collections.Generic.IReadOnlyList<(IOperation Site, IOperation? Value)> writes)
        {
            if (writes.Count == 0)
            {
                return null;
            }

            var readStart = read.Syntax.SpanStart;
            (IOperation Site, IOperation? Value)? last = null;
            foreach (var write in writes)
            {
                if (write.Site.Syntax.SpanStart < readStart && !write.Site.Syntax.Span.Contains(read.Syntax.Span)
                    && (last == null || write.Site.Syntax.SpanStart > last.Value.Site.Syntax.SpanStart))
                {
                    last = write;
                }
            }

            if (last is not { } chosen || !RunsBefore(chosen.Site, read))
            {
                return null;
            }

            foreach (var other in writes)
            {
                if (other.Site == chosen.Site)
                {
                    continue;
                }

                var start = other.Site.Syntax.SpanStart;
                if (start > chosen.Site.Syntax.SpanStart && start < readStart)
                {
                    // A write between them (in a try the read's catch follows, in the read's own statement).
                    return null;
                }

                if (start > readStart && LoopBringsBack(other.Site, chosen.Site, read))
                {
                    return null;
                }
            }

            return chosen;
        }

        /// <summary>
        /// The write is a statement of a block (or switch section) that encloses the read, outside any lambda or local function
        /// that holds the read: whenever the read runs, the write ran before it.
        /// </summary>
        private static bool RunsBefore(IOperation write, IOperation read)
        {
            var statement = write.Parent;
            if (write is IVariableDeclaratorOperation)
            {
                while (statement is IVariableDeclarationOperation)
                {
                    statement = statement.Parent;
                }

                if (statement?.Parent is IUsingDeclarationOperation usingDeclaration)
                {
                    statement = usingDeclaration;
                }
            }

            if (statement is not (IExpressionStatementOperation or IVariableDeclarationGroupOperation or IUsingDeclarationOperation)
                || statement.Parent is not (IBlockOperation or ISwitchCaseOperation))
            {
                return false;
            }

            if (statement is IExpressionStatementOperation expression && expression.Operation != write)
            {
                return false;
            }

            var container = statement.Parent;
            for (var current = read.Parent; current != null; current = current.Parent)
            {
                if (current == container)
                {
                    return true;
                }

                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    // The lambda runs later: every write may reach it.
                    return false;
                }
            }

            return false;
        }

        /// <summary>A write after the read that a loop around the read (and not around the chosen write) runs before the next read.</summary>
        private static bool LoopBringsBack(IOperation later, IOperation chosen, IOperation read)
        {
            for (var current = read.Parent; current != null; current = current.Parent)
            {
                if (current is ILoopOperation loop && loop.Syntax.Span.Contains(later.Syntax.Span) && !loop.Syntax.Span.Contains(chosen.Syntax.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsClientOrServer(IPropertyReferenceOperation property)
        {
            var owner = property.Property.ContainingType;
            return (property.Property.Name == "Client" && (_symbols.IsTcpClient(owner) || _symbols.IsUdpClient(owner)))
                || (property.Property.Name == "Server" && _symbols.IsTcpListener(owner));
        }

        private static bool IsThisOrStatic(IOperation? instance) =>
            instance == null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
    }
}
