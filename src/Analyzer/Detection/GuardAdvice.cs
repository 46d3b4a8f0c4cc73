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
        private GuardAdvice(string condition, SyntaxNode tested)
        {
            Condition = condition;
            Tested = tested;
        }

        /// <summary>The condition as C# text, e.g. <c>options.Size.HasValue</c>, <c>(a + b) &gt; 0</c>.</summary>
        public string Condition { get; }

        /// <summary>The expression the condition tests.</summary>
        public SyntaxNode Tested { get; }

        /// <summary>The advice for a value, or null where no guard is honest (a value with a positive constant floor is never 0).</summary>
        public static GuardAdvice? For(IOperation value)
        {
            value = BufferSettingFinder.Unwrap(value);

            // A nullable read through (int)x, x.Value, x.GetValueOrDefault() or x ?? fallback: test that it has a value.
            switch (value)
            {
                case IConversionOperation { IsImplicit: false } conversion when IsNullable(conversion.Operand):
                    return HasValue(BufferSettingFinder.Unwrap(conversion.Operand));
                case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } when IsNullable(instance):
                    return HasValue(instance);
                case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Instance: { } instance } when IsNullable(instance):
                    return HasValue(instance);
                case ICoalesceOperation coalesce when IsNullable(coalesce.Value):
                    return HasValue(BufferSettingFinder.Unwrap(coalesce.Value));
                case IInvocationOperation { TargetMethod: { Name: "Max", IsStatic: true } max } call
                    when max.ContainingType?.ToDisplayString() == "System.Math" && HasPositiveConstant(call):
                    return null;
            }

            var syntax = value.Syntax;
            var text = syntax.ToString();
            return new GuardAdvice((IsPrimary(syntax) ? text : "(" + text + ")") + " > 0", syntax);
        }

        private static GuardAdvice HasValue(IOperation nullable)
        {
            var syntax = nullable.Syntax;
            var text = syntax.ToString();
            return new GuardAdvice((IsPrimary(syntax) ? text : "(" + text + ")") + ".HasValue", syntax);
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

        private static bool IsNullable(IOperation? operation) =>
            operation?.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
    }
}
