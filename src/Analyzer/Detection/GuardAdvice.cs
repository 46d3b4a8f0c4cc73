using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// The one decision of which condition applies a configured value only when it is set: <c>size &gt; 0</c>, or
    /// <c>options.Size.HasValue</c> when the value comes from a nullable. The SOCK006 message advises exactly this text
    /// and the "Apply it only when configured" fix writes exactly this text.
    /// </summary>
    internal sealed class GuardAdvice
    {
        private readonly bool _hasValue;
        private string? _condition;

        private GuardAdvice(SyntaxNode tested, bool hasValue)
        {
            Tested = tested;
            _hasValue = hasValue;
        }

        /// <summary>
        /// The condition as C# text, e.g. <c>options.Size.HasValue</c>, <c>(a + b) &gt; 0</c>. Written when first read: the join
        /// describes every size argument it follows, and only the few that get a message or a fix read it.
        /// </summary>
        public string Condition => System.Threading.Volatile.Read(ref _condition) ?? (_condition = Write(Tested, _hasValue));

        /// <summary>The expression the condition tests.</summary>
        public SyntaxNode Tested { get; }

        /// <summary>The advice for a value, or null where no guard is honest (a value with a positive constant floor is never 0).</summary>
        public static GuardAdvice? For(IOperation value)
        {
            value = BufferSettingFinder.Unwrap(value);
            if (!IsNumber(value.Type) && !(value is IConversionOperation { Operand: var operand } && IsNumber(operand.Type)))
            {
                // (object)"8192": no comparison with 0 compiles.
                return null;
            }

            // A nullable read through (int)x, x.Value, x.GetValueOrDefault() or x ?? fallback: test that it has a value.
            switch (value)
            {
                case IConversionOperation { IsImplicit: false } conversion when ValueSource.IsNullable(conversion.Operand):
                    return HasValue(BufferSettingFinder.Unwrap(conversion.Operand));
                case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } when ValueSource.IsNullable(instance):
                    return HasValue(instance);
                case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Instance: { } instance } when ValueSource.IsNullable(instance):
                    return HasValue(instance);
                case ICoalesceOperation coalesce when ValueSource.IsNullable(coalesce.Value):
                    return HasValue(BufferSettingFinder.Unwrap(coalesce.Value));
                case IInvocationOperation { TargetMethod: { Name: "Max", IsStatic: true } max } call
                    when TypeNames.Is(max.ContainingType, "System.Math") && HasPositiveConstant(call):
                    return null;
            }

            return new GuardAdvice(value.Syntax, hasValue: false);
        }

        private static GuardAdvice HasValue(IOperation nullable) => new GuardAdvice(nullable.Syntax, hasValue: true);

        private static string Write(SyntaxNode syntax, bool hasValue)
        {
            var text = syntax.ToString();
            if (!hasValue)
            {
                return (IsPrimary(syntax) ? text : "(" + text + ")") + " > 0";
            }

            // o?.Size.HasValue would read HasValue inside the conditional access (a bool?, no condition): parenthesize it.
            return (IsPrimary(syntax) && syntax is not ConditionalAccessExpressionSyntax ? text : "(" + text + ")") + ".HasValue";
        }

        private static bool HasPositiveConstant(IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (ConstantFolder.AsInt64(BufferSettingFinder.Unwrap(argument.Value).ConstantValue) is long floor && floor > 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPrimary(SyntaxNode syntax) => syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or LiteralExpressionSyntax or ThisExpressionSyntax
            or GenericNameSyntax or ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax };

        private static bool IsNumber(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_Int16
                or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_UInt64;
        }

    }
}
