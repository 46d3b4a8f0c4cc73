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
            if (assignment.Target is not IPropertyReferenceOperation propertyReference)
            {
                yield break;
            }

            var forms = _catalog.FormsOfProperty(propertyReference.Property);
            if (forms.IsEmpty)
            {
                yield break;
            }

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
                yield return new SetterMatch(assignment, form, Unwrap(assignment.Value), receiver, inInitializer, compound);
            }
        }

        /// <summary>A call or construction whose arguments select a form (<c>SetSocketOption(Socket, ReceiveBuffer, n)</c>, a knob's constructor).</summary>
        public IEnumerable<SetterMatch> FromInvocation(IInvocationOperation invocation) =>
            FromCall(invocation, invocation.TargetMethod, invocation.Arguments, invocation.Instance);

        public IEnumerable<SetterMatch> FromCreation(IObjectCreationOperation creation) =>
            creation.Constructor is { } constructor ? FromCall(creation, constructor, creation.Arguments, receiver: null) : Enumerable.Empty<SetterMatch>();

        private IEnumerable<SetterMatch> FromCall(IOperation operation, IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, IOperation? receiver)
        {
            var forms = _catalog.FormsOfCall(method);
            foreach (var form in forms)
            {
                var value = Argument(arguments, form.ValueOrdinal);
                if (value == null || !CarriesSize(value, form) || !form.RequiredArguments.All(required => ConstantFolder.AsInt64(Argument(arguments, required.Ordinal)?.ConstantValue ?? default) == required.Value))
                {
                    continue;
                }

                yield return new SetterMatch(operation, form, SizeOf(Unwrap(value), form), receiver, isInitializerMember: false, compoundOperator: null);
            }
        }

        /// <summary>Only numeric and object values carry a size (SetSocketOption's bool and byte[] overloads do not); raw options carry bytes.</summary>
        private static bool CarriesSize(IOperation value, SetterForm form)
        {
            if (form.ValueIsBitConverterBytes)
            {
                return true;
            }

            return value.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Object;
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

        private static IOperation? Argument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
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
