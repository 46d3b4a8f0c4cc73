using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Catalog;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>Matches operations against the catalog's setter forms (<see cref="SetterCatalog"/>); knows no API by name.</summary>
    internal sealed class BufferSettingFinder
    {
        private readonly BoundCatalog _catalog;
        private readonly INamedTypeSymbol? _bitConverter;

        public BufferSettingFinder(BoundCatalog catalog, INamedTypeSymbol? bitConverter)
        {
            _catalog = catalog;
            _bitConverter = bitConverter;
        }

        /// <summary>A property assignment (plain, compound, or an object-initializer member) that sets a buffer size.</summary>
        public IEnumerable<SetterMatch> FromAssignment(IAssignmentOperation assignment)
        {
            // Checked before an iterator exists: this runs for every assignment, and almost none sets a buffer.
            if (assignment.Target is not IPropertyReferenceOperation propertyReference)
            {
                return Enumerable.Empty<SetterMatch>();
            }

            return FromPropertyAssignment(assignment, propertyReference);
        }

        /// <summary>An assignment of this property (the caller has told its target already).</summary>
        public IEnumerable<SetterMatch> FromPropertyAssignment(IAssignmentOperation assignment, IPropertyReferenceOperation propertyReference)
        {
            var forms = _catalog.FormsOfProperty(propertyReference.Property);
            return forms.IsEmpty ? Enumerable.Empty<SetterMatch>() : FromAssignment(assignment, propertyReference, forms);
        }

        private IEnumerable<SetterMatch> FromAssignment(IAssignmentOperation assignment, IPropertyReferenceOperation propertyReference, System.Collections.Immutable.ImmutableArray<SetterForm> forms)
        {

            var receiver = propertyReference.Instance;
            var inInitializer = false;
            if (receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                receiver = EnclosingCreation(assignment);
                inInitializer = true;
            }

            var compound = assignment is ICompoundAssignmentOperation c ? c.OperatorKind : (BinaryOperatorKind?)null;
            foreach (var form in forms)
            {
                // An indexer row names its key (a Kafka configuration key in a dictionary); a shared member may need a given receiver type.
                if (!RequiredArgumentsMatch(propertyReference.Arguments, form) || !ReceiverMatches(receiver, form))
                {
                    continue;
                }

                var value = Unwrap(assignment.Value);
                if (form.ValueSyntax == ValueSyntax.Number)
                {
                    yield return new SetterMatch(assignment, form, value, receiver, inInitializer, compound);
                }
                else if (compound == null && Parse(value, form, out var parsed))
                {
                    yield return new SetterMatch(assignment, form, value, receiver, inInitializer, null, parsed);
                }
            }
        }

        /// <summary>
        /// A call whose arguments select one of its catalog forms (<c>SetSocketOption(Socket, ReceiveBuffer, n)</c>); the caller
        /// looked the forms up already (one lookup per call serves every role, <see cref="BoundCatalog.RolesOf"/>).
        /// </summary>
        public IEnumerable<SetterMatch> FromInvocation(IInvocationOperation invocation, System.Collections.Immutable.ImmutableArray<SetterForm> forms) =>
            forms.IsEmpty ? Enumerable.Empty<SetterMatch>() : FromCall(invocation, forms, invocation.Arguments, invocation.Instance);

        /// <summary>A construction whose arguments select one of its catalog forms (a knob's constructor).</summary>
        public IEnumerable<SetterMatch> FromCreation(IObjectCreationOperation creation, System.Collections.Immutable.ImmutableArray<SetterForm> forms) =>
            forms.IsEmpty ? Enumerable.Empty<SetterMatch>() : FromCall(creation, forms, creation.Arguments, receiver: null);

        private IEnumerable<SetterMatch> FromCall(IOperation operation, System.Collections.Immutable.ImmutableArray<SetterForm> forms, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, IOperation? receiver)
        {
            foreach (var form in forms)
            {
                var value = Argument(arguments, form.ValueOrdinal);
                if (value == null || !CarriesSize(value, form) || !RequiredArgumentsMatch(arguments, form) || !ReceiverMatches(receiver, form))
                {
                    continue;
                }

                if (form.ValueSyntax == ValueSyntax.Number)
                {
                    yield return new SetterMatch(operation, form, SizeOf(Unwrap(value), form), receiver, isInitializerMember: false, compoundOperator: null);
                }
                else if (Parse(Unwrap(value), form, out var parsed))
                {
                    yield return new SetterMatch(operation, form, Unwrap(value), receiver, isInitializerMember: false, compoundOperator: null, parsed);
                }
            }
        }

        /// <summary>
        /// A value written as text: an Npgsql connection string counts only when constant and holding the keyword; a Kafka value counts
        /// when constant and in librdkafka's range (parsed), or when not constant (a configured value, no constant).
        /// </summary>
        private static bool Parse(IOperation value, SetterForm form, out long? parsed)
        {
            parsed = null;
            if (value.Type?.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            var text = value.ConstantValue.HasValue ? value.ConstantValue.Value as string : null;
            switch (form.ValueSyntax)
            {
                case ValueSyntax.NpgsqlConnectionString:
                    if (text != null && form.Keyword != null && ConnectionStrings.TryGetNpgsqlSize(text, form.Keyword, out var size))
                    {
                        parsed = size;
                        return true;
                    }

                    return false;
                case ValueSyntax.CInteger:
                    if (text == null)
                    {
                        return !value.ConstantValue.HasValue;
                    }

                    if (ConnectionStrings.TryParseKafkaSize(text, out var bytes))
                    {
                        parsed = bytes;
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>Every required argument is there: a constant (option level and name), a string (a configuration key) or a static member (DotNetty's ChannelOption.SoRcvbuf).</summary>
        private bool RequiredArgumentsMatch(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, SetterForm form)
        {
            foreach (var required in form.RequiredArguments)
            {
                var argument = Argument(arguments, required.Ordinal);
                if (argument == null)
                {
                    return false;
                }

                if (required.MemberType != null)
                {
                    var member = Unwrap(argument) switch
                    {
                        IFieldReferenceOperation { Field.IsStatic: true } field => (ISymbol)field.Field,
                        IPropertyReferenceOperation { Property.IsStatic: true } property => property.Property,
                        _ => null,
                    };
                    if (member == null || member.Name != required.Text
                        || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, _catalog.TypeNamed(required.MemberType)))
                    {
                        return false;
                    }
                }
                else if (required.Text != null)
                {
                    if (!(argument.ConstantValue.HasValue && argument.ConstantValue.Value is string text && string.Equals(text, required.Text, System.StringComparison.Ordinal)))
                    {
                        return false;
                    }
                }
                else if (ConstantFolder.AsInt64(argument.ConstantValue) != required.Value)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A row for one subtype of a shared base (DotNetty's Bootstrap and ServerBootstrap share Option): the receiver's type must derive from it.</summary>
        private bool ReceiverMatches(IOperation? receiver, SetterForm form)
        {
            if (form.ReceiverTypeName == null)
            {
                return true;
            }

            var wanted = _catalog.TypeNamed(form.ReceiverTypeName);
            for (var type = receiver?.Type as INamedTypeSymbol; type != null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, wanted))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Only numeric and object values carry a size (SetSocketOption's bool and byte[] overloads do not); raw options carry bytes;
        /// a library's wrapper converted implicitly from an int (MongoDB's <c>Optional&lt;int&gt;</c>) carries the int; text forms carry strings.
        /// </summary>
        private static bool CarriesSize(IOperation value, SetterForm form)
        {
            if (form.ValueIsBitConverterBytes)
            {
                return true;
            }

            if (form.ValueSyntax != ValueSyntax.Number)
            {
                return value.Type?.SpecialType == SpecialType.System_String;
            }

            return value.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Object
                || (!form.ReceiverIsSocket && Unwrap(value).Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64);
        }

        /// <summary>The size usually arrives at a raw option as <c>BitConverter.GetBytes(n)</c>: then n is the value.</summary>
        private IOperation SizeOf(IOperation value, SetterForm form)
        {
            if (form.ValueIsBitConverterBytes
                && value is IInvocationOperation { TargetMethod: { Name: "GetBytes", IsStatic: true } getBytes } call
                && SymbolEqualityComparer.Default.Equals(getBytes.ContainingType, _bitConverter)
                && call.Arguments.Length == 1
                && call.Arguments[0].Value.Type?.SpecialType == SpecialType.System_Int32)
            {
                return Unwrap(call.Arguments[0].Value);
            }

            return value;
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

        /// <summary>The argument given for a parameter; an optional parameter left out (MongoDB's <c>With(receiveBufferSize: n)</c> leaves six) is not given.</summary>
        private static IOperation? Argument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    return argument.Value;
                }
            }

            return null;
        }

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
    }
}
