using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Where a non-constant buffer value comes from: the field, property, parameter or local it reads
    /// (through <c>.Value</c>, <c>GetValueOrDefault()</c>, casts, and a local initialised once from a member).
    /// </summary>
    internal static class ValueSource
    {
        /// <summary>The symbol the value reads directly, or null (an expression, a call).</summary>
        public static ISymbol? Of(IOperation value) => Of(value, followLocal: true);

        /// <summary>The field or property a value reads, following one local initialised from it; null if none.</summary>
        public static ISymbol? Member(IOperation value) =>
            Of(value) is { } symbol && (symbol.Kind == SymbolKind.Field || symbol.Kind == SymbolKind.Property) ? symbol : null;

        private static ISymbol? Of(IOperation value, bool followLocal)
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
                    case IFieldReferenceOperation field:
                        return field.Field;
                    case IPropertyReferenceOperation property when property.Property.Parameters.IsEmpty:
                        return property.Property;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case ILocalReferenceOperation local:
                        return followLocal && SingleInitializer(local) is { } initializer && Of(initializer, followLocal: false) is { } member
                            && (member.Kind == SymbolKind.Field || member.Kind == SymbolKind.Property)
                            ? member
                            : local.Local;
                    default:
                        return null;
                }
            }
        }

        /// <summary>The initializer of a local that is never written again, if any.</summary>
        private static IOperation? SingleInitializer(ILocalReferenceOperation reference)
        {
            var root = (IOperation)reference;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            IOperation? initializer = null;
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                        initializer = (declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer)?.Value;
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                        return null;
                }
            }

            return initializer;
        }

        private static bool IsNullable(IOperation? operation) =>
            operation?.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
    }
}
