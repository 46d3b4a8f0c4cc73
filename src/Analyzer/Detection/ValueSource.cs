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
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IPropertyReferenceOperation { Property.Name: "Value" } nullable when IsNullable(nullable.Instance):
                        value = nullable.Instance!;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Instance: { } instance } when IsNullable(instance):
                        value = instance;
                        continue;
                    case ICoalesceOperation coalesce:
                        // size ?? fallback: the configured part is the size.
                        value = coalesce.Value;
                        continue;
                    case IBinaryOperation binary when binary.RightOperand.ConstantValue.HasValue:
                        // A configured value scaled by a constant (size * 1024) still comes from the size.
                        value = binary.LeftOperand;
                        continue;
                    case IBinaryOperation binary when binary.LeftOperand.ConstantValue.HasValue:
                        value = binary.RightOperand;
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

        private static bool IsNullable(IOperation? operation) =>
            operation?.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
    }
}
