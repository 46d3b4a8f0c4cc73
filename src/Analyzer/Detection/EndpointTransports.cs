using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Catalog;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// The transports a library socket of one body is given (NetMQ: <c>pub.Connect("pgm://…")</c>, <c>new SubscriberSocket("&gt;tcp://…")</c>),
    /// by socket variable: built once per body on first use, so each knob setting asks in O(1). The kind a knob's socket then has:
    /// TCP for <c>tcp://</c> and <c>ipc://</c>, other (an RDM socket) for <c>pgm://</c> and <c>epgm://</c>, no socket at all for
    /// <c>inproc://</c>; an endpoint whose scheme cannot be read (a variable) or two transports that disagree leave it unknown.
    /// </summary>
    internal sealed class EndpointTransports
    {
        [System.Flags]
        private enum Seen
        {
            None = 0,
            Tcp = 1,
            Rdm = 2,
            InProcess = 4,
            Unreadable = 8,
        }

        private readonly Dictionary<ISymbol, Seen> _bySocket = new(SymbolEqualityComparer.Default);

        private EndpointTransports()
        {
        }

        public static EndpointTransports Empty { get; } = new EndpointTransports();

        /// <summary>Every endpoint call and connection-string creation of the body, by the socket variable it is made on.</summary>
        public static EndpointTransports Of(IOperation root, BoundCatalog catalog, SocketOriginResolver resolver)
        {
            if (catalog.EndpointSocketTypes.IsEmpty)
            {
                return Empty;
            }

            var transports = new EndpointTransports();
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when invocation.Arguments.Length > 0 && catalog.IsEndpoint(invocation.TargetMethod):
                        transports.Add(resolver.RootSymbol(invocation.Instance), invocation.Arguments[0].Value, connectionString: false);
                        break;
                    case IObjectCreationOperation creation when creation.Arguments.Length > 0 && IsEndpointSocket(creation.Type, catalog):
                        foreach (var argument in creation.Arguments)
                        {
                            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Value.Type?.SpecialType == SpecialType.System_String)
                            {
                                transports.Add(CreatedInto(creation, resolver), argument.Value, connectionString: true);
                            }
                        }

                        break;
                }
            }

            return transports;
        }

        /// <summary>
        /// The socket a knob setting's options belong to (<c>pub.Options.SendBuffer = n</c>: <c>pub</c>), judged by its endpoints in this body:
        /// unknown when none is seen (the knob is assumed to reach TCP connections, as before), null when every endpoint is <c>inproc://</c>.
        /// </summary>
        public SocketOrigin? KindOf(SetterMatch match, SocketOriginResolver resolver)
        {
            if (_bySocket.Count == 0
                || BufferSettingFinder.Unwrap(match.Receiver ?? match.Operation) is not IPropertyReferenceOperation options
                || resolver.RootSymbol(options.Instance) is not { } socket
                || !_bySocket.TryGetValue(socket, out var seen))
            {
                return SocketOrigin.Unknown;
            }

            var kind = (seen & ~Seen.InProcess) switch
            {
                Seen.None => (SocketKind?)null,
                Seen.Tcp => SocketKind.Tcp,
                Seen.Rdm => SocketKind.Other,
                _ => SocketKind.Unknown,
            };
            return kind is { } known ? new SocketOrigin(known, OriginKind.Unknown) : null;
        }

        private void Add(ISymbol? socket, IOperation value, bool connectionString)
        {
            if (socket == null)
            {
                return;
            }

            var seen = Read(BufferSettingFinder.Unwrap(value), connectionString);
            _bySocket[socket] = _bySocket.TryGetValue(socket, out var previous) ? previous | seen : seen;
        }

        /// <summary>The transports an endpoint names; from a constant, or the leading text of an interpolation or concatenation (<c>$"tcp://{host}:{port}"</c>).</summary>
        private static Seen Read(IOperation value, bool connectionString)
        {
            if (value.ConstantValue.HasValue)
            {
                if (value.ConstantValue.Value is not string text)
                {
                    return Seen.Unreadable;
                }

                if (!connectionString)
                {
                    return Scheme(text);
                }

                var seen = Seen.None;
                foreach (var endpoint in text.Split(','))
                {
                    seen |= Scheme(endpoint.Trim().TrimStart('@', '>'));
                }

                return seen;
            }

            var prefix = LeadingText(value);
            return prefix == null ? Seen.Unreadable : Scheme(connectionString ? prefix.TrimStart().TrimStart('@', '>') : prefix);
        }

        private static string? LeadingText(IOperation value)
        {
            switch (value)
            {
                case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0 && interpolated.Parts[0] is IInterpolatedStringTextOperation text:
                    return text.Text.ConstantValue.Value as string;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                    var left = BufferSettingFinder.Unwrap(concatenation.LeftOperand);
                    return left.ConstantValue.HasValue ? left.ConstantValue.Value as string : LeadingText(left);
                default:
                    return null;
            }
        }

        private static Seen Scheme(string endpoint)
        {
            var end = endpoint.IndexOf("://", System.StringComparison.Ordinal);
            if (end <= 0)
            {
                return Seen.Unreadable;
            }

            var scheme = endpoint.Substring(0, end);
            if (Is(scheme, "tcp") || Is(scheme, "ipc"))
            {
                return Seen.Tcp;
            }

            if (Is(scheme, "pgm") || Is(scheme, "epgm"))
            {
                return Seen.Rdm;
            }

            return Is(scheme, "inproc") ? Seen.InProcess : Seen.Unreadable;
        }

        private static bool Is(string scheme, string name) => string.Equals(scheme, name, System.StringComparison.OrdinalIgnoreCase);

        private static bool IsEndpointSocket(ITypeSymbol? type, BoundCatalog catalog)
        {
            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                foreach (var socketType in catalog.EndpointSocketTypes)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, socketType))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The variable a creation is stored in: a declaration's initializer or the target of an assignment.</summary>
        private static ISymbol? CreatedInto(IObjectCreationOperation creation, SocketOriginResolver resolver)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation assignment => resolver.RootSymbol(assignment.Target),
                _ => null,
            };
        }
    }
}
