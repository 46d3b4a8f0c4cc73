using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>What a size expression is made of, as far as the cross-method join needs to know.</summary>
    internal enum ValueExprKind
    {
        /// <summary>A compile-time constant, written at <see cref="ValueExpr.Location"/>.</summary>
        Constant,

        /// <summary>A parameter of the enclosing member (a method's, a constructor's, a setter's <c>value</c>).</summary>
        Parameter,

        /// <summary>A field or property, on any instance.</summary>
        Member,

        /// <summary>Anything else: a call, a computation, input from outside.</summary>
        Opaque,
    }

    /// <summary>
    /// A size expression reduced to its source and a chain of constant scalings (<c>kib * 1024</c>, <c>size &lt;&lt; 10</c>):
    /// immutable, built once where the expression is seen, joined across methods at compilation end.
    /// </summary>
    internal sealed class ValueExpr
    {
        private ValueExpr(ValueExprKind kind, long constant, ISymbol? symbol, Location location, BinaryOperatorKind scaleOperator, long scale)
        {
            Kind = kind;
            ConstantValue = constant;
            Symbol = symbol;
            Location = location;
            ScaleOperator = scaleOperator;
            Scale = scale;
        }

        public ValueExprKind Kind { get; }

        public long ConstantValue { get; }

        /// <summary>The parameter or member read.</summary>
        public ISymbol? Symbol { get; }

        /// <summary>Where the expression is written (the constant's location, for a default).</summary>
        public Location Location { get; }

        /// <summary>Multiply, LeftShift or Divide applied to the source, or None.</summary>
        public BinaryOperatorKind ScaleOperator { get; }

        public long Scale { get; }

        /// <summary>The value a source of <paramref name="source"/> becomes through this expression's scaling.</summary>
        public long? Apply(long source) =>
            ScaleOperator == BinaryOperatorKind.None ? source : ConstantFolder.Combine(source, ScaleOperator, Scale);

        public static ValueExpr Build(IOperation value, MethodBodies bodies) => Build(value, bodies, 0);

        public static ValueExpr Constant(long value, Location location) => new ValueExpr(ValueExprKind.Constant, value, null, location, BinaryOperatorKind.None, 0);

        private static ValueExpr Build(IOperation value, MethodBodies bodies, int depth)
        {
            var location = value.Syntax.GetLocation();
            value = ValueSource.Unconverted(value);
            if (ConstantFolder.AsInt64(value.ConstantValue) is long constant)
            {
                return new ValueExpr(ValueExprKind.Constant, constant, null, value.Syntax.GetLocation(), BinaryOperatorKind.None, 0);
            }

            if (depth < 4)
            {
                switch (value)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.LeftShift or BinaryOperatorKind.Divide } binary
                        when ConstantFolder.AsInt64(binary.RightOperand.ConstantValue) is long right:
                        return Scaled(Build(binary.LeftOperand, bodies, depth + 1), binary.OperatorKind, right, location);
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } binary
                        when ConstantFolder.AsInt64(binary.LeftOperand.ConstantValue) is long left:
                        return Scaled(Build(binary.RightOperand, bodies, depth + 1), BinaryOperatorKind.Multiply, left, location);
                    case ILocalReferenceOperation local when bodies.For(local).LocalWrites.SingleBefore(local) is { } written:
                        return Build(written, bodies, depth + 1);
                    case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } when ValueSource.IsNullable(instance):
                        return Build(instance, bodies, depth + 1);
                    case ICoalesceOperation coalesce:
                        return Build(coalesce.Value, bodies, depth + 1);
                }
            }

            return value switch
            {
                IParameterReferenceOperation parameter => new ValueExpr(ValueExprKind.Parameter, 0, parameter.Parameter, location, BinaryOperatorKind.None, 0),
                IFieldReferenceOperation field => new ValueExpr(ValueExprKind.Member, 0, field.Field.OriginalDefinition, location, BinaryOperatorKind.None, 0),
                IPropertyReferenceOperation { Property.Parameters.IsEmpty: true } property => new ValueExpr(ValueExprKind.Member, 0, property.Property.OriginalDefinition, location, BinaryOperatorKind.None, 0),
                _ => new ValueExpr(ValueExprKind.Opaque, 0, null, location, BinaryOperatorKind.None, 0),
            };
        }

        /// <summary>
        /// A constant as a reader sees it where it is written: what the compiler folds, a local written once before, or
        /// arithmetic on such operands (<c>length / fragments</c>). Asked only for the values the join reaches.
        /// </summary>
        public static long? Fold(IOperation value, MethodBodies bodies) => Fold(value, bodies, 0);

        private static long? Fold(IOperation value, MethodBodies bodies, int depth)
        {
            value = ValueSource.Unconverted(value);
            if (ConstantFolder.Fold(value, bodies) is long constant)
            {
                return constant;
            }

            if (depth >= 4)
            {
                return null;
            }

            switch (value)
            {
                case IBinaryOperation binary when Fold(binary.LeftOperand, bodies, depth + 1) is long left && Fold(binary.RightOperand, bodies, depth + 1) is long right:
                    return ConstantFolder.Combine(left, binary.OperatorKind, right);
                case IParenthesizedOperation parenthesized:
                    return Fold(parenthesized.Operand, bodies, depth + 1);
                case ILocalReferenceOperation local when bodies.For(local).LocalWrites.SingleBefore(local) is { } written:
                    return Fold(written, bodies, depth + 1);
                default:
                    return null;
            }
        }

        private static ValueExpr Scaled(ValueExpr inner, BinaryOperatorKind op, long scale, Location location)
        {
            if (inner.Kind == ValueExprKind.Opaque || inner.ScaleOperator != BinaryOperatorKind.None)
            {
                return new ValueExpr(ValueExprKind.Opaque, 0, null, location, BinaryOperatorKind.None, 0);
            }

            return new ValueExpr(inner.Kind, inner.ConstantValue, inner.Symbol, inner.Location, op, scale);
        }


    }
}
