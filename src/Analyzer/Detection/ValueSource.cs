using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Where a non-constant buffer value comes from: the field, property, parameter or local it reads
    /// (through <c>.Value</c>, <c>GetValueOrDefault()</c>, casts, scaling by a constant, and a local written once from a member).
    /// </summary>
    internal static class ValueSource
    {
        /// <summary>The symbol the value reads (a local written once from a member stands for the member), or null (an expression, a call).</summary>
        public static ISymbol? Of(IOperation value, MethodBodies bodies) => Of(value, bodies, followLocal: true);

        private static ISymbol? Of(IOperation value, MethodBodies bodies, bool followLocal)
        {
            while (true)
            {
                value = BufferSettingFinder.Unwrap(value);
                if (ConfiguredOperand(value) is { } inner)
                {
                    value = inner;
                    continue;
                }

                switch (value)
                {
                    case ICoalesceOperation coalesce:
                        // size ?? fallback: the configured part is the size.
                        value = coalesce.Value;
                        continue;
                    case IFieldReferenceOperation field:
                        return field.Field;
                    case IPropertyReferenceOperation property when property.Property.Parameters.IsEmpty:
                        return property.Property;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case ILocalReferenceOperation local:
                        return followLocal && bodies.For(local).LocalWrites.Single(local.Local) is { } initializer && Of(initializer, bodies, followLocal: false) is { } member
                            && (member.Kind == SymbolKind.Field || member.Kind == SymbolKind.Property)
                            ? member
                            : local.Local;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// One step from a value to the part that carries the configured size: through a conversion, <c>.Value</c> or
        /// <c>GetValueOrDefault()</c> of a nullable, or scaling by a constant (<c>size * 1024</c>); null when none applies.
        /// </summary>
        internal static IOperation? ConfiguredOperand(IOperation value) => value switch
        {
            IConversionOperation conversion => conversion.Operand,
            IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } when IsNullable(instance) => instance,
            IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Instance: { } instance } when IsNullable(instance) => instance,
            IBinaryOperation binary when binary.RightOperand.ConstantValue.HasValue => binary.LeftOperand,
            IBinaryOperation binary when binary.LeftOperand.ConstantValue.HasValue => binary.RightOperand,
            _ => null,
        };

        /// <summary>The value without parentheses and conversions.</summary>
        internal static IOperation Unconverted(IOperation value)
        {
            value = BufferSettingFinder.Unwrap(value);
            while (value is IConversionOperation conversion)
            {
                value = BufferSettingFinder.Unwrap(conversion.Operand);
            }

            return value;
        }

        /// <summary>A value of a nullable value type (<c>int?</c>).</summary>
        internal static bool IsNullable(IOperation? operation) =>
            operation?.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
    }
}
