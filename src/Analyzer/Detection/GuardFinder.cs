using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// What the conditions around a setting imply about its value: each enclosing <c>if</c>/<c>?:</c> branch, switch section
    /// and earlier <c>if (…) return;</c> in an enclosing block is read as a predicate on the value's source, with
    /// <c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, relational, null and type patterns, <c>HasValue</c>, and a condition held in a
    /// bool local. A condition that does not test the value on every path (<c>force || size &gt; 0</c>) guards nothing.
    /// </summary>
    internal sealed class GuardFinder
    {
        private const int MaxDepth = 8;

        private readonly MethodBodies _bodies;
        private readonly ISymbol? _source;
        private readonly ISymbol? _direct;
        private readonly SyntaxNode? _written;

        private GuardFinder(MethodBodies bodies, IOperation value, ISymbol? source)
        {
            _bodies = bodies;
            _source = source;
            _direct = RootLocal(value);

            // No symbol to follow (a dynamic member, an indexer, o?.Size): the condition must test the same expression as the
            // advice does (o?.Size for o?.Size ?? 0), or the value as written.
            _written = source == null && _direct == null ? (GuardAdvice.For(value)?.Tested ?? ValueSource.Unconverted(value).Syntax) : null;
        }

        /// <summary>The strongest implication of the conditions under which the setting runs.</summary>
        public static GuardStrength Strength(SetterMatch match, ISymbol? source, MethodBodies bodies) => Strength(match.Operation, match.Value, source, bodies);

        /// <summary>The same for any operation that uses a value (a call that passes it to a forwarder).</summary>
        public static GuardStrength Strength(IOperation operation, IOperation value, ISymbol? source, MethodBodies bodies) =>
            new GuardFinder(bodies, value, source).Walk(operation);

        private GuardStrength Walk(IOperation setting)
        {
            var strength = GuardStrength.None;
            IOperation child = setting;
            for (var current = child.Parent; current != null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IConditionalOperation conditional when conditional.Condition != child:
                        strength = Max(strength, Implied(conditional.Condition, child == conditional.WhenTrue, 0));
                        break;
                    case ISwitchCaseOperation section when section.Parent is ISwitchOperation @switch:
                        strength = Max(strength, Section(section, @switch.Value));
                        break;
                    case IBlockOperation block:
                        strength = Max(strength, EarlyExits(block, child));
                        break;
                    case ILocalFunctionOperation:
                        // A local function runs where it is called, not where it is declared.
                        return strength;
                }

                if (strength == GuardStrength.ExcludesZero)
                {
                    return strength;
                }
            }

            return strength;
        }

        /// <summary><c>if (size &lt;= 0) return;</c> (or throw, continue, break) before the statement, in the same block: the setting runs when the condition is false.</summary>
        private GuardStrength EarlyExits(IBlockOperation block, IOperation statement)
        {
            // Only the exits that read the value's symbols can test it (every exit when the value has no symbol to follow).
            var exits = _bodies.For(block).ExitsOf(block);
            var position = exits.PositionOf(statement);
            var strength = GuardStrength.None;
            var candidates = _written != null ? exits.All : (IEnumerable<(int Position, IConditionalOperation Exit)>)exits.Reading(_source).Concat(exits.Reading(_direct));
            foreach (var (at, exit) in candidates)
            {
                if (at < position)
                {
                    strength = Max(strength, Implied(exit.Condition, polarity: false, 0));
                }
            }

            return strength;
        }

        /// <summary>A switch section on the value: every label must admit only guarded values; <c>default</c> admits any.</summary>
        private GuardStrength Section(ISwitchCaseOperation section, IOperation switched)
        {
            if (!Tests(switched))
            {
                // `case int n when n > 0:` declares the value; `case { Size: > 0 }:` tests a member of the switched object.
                if (!section.Clauses.Any(c => c is IPatternCaseClauseOperation p && (DeclaresValue(p.Pattern) || p.Pattern is IRecursivePatternOperation)))
                {
                    return GuardStrength.None;
                }
            }

            var testsValue = Tests(switched);
            var strength = GuardStrength.ExcludesZero;
            foreach (var clause in section.Clauses)
            {
                var label = clause switch
                {
                    IPatternCaseClauseOperation pattern when !testsValue && !DeclaresValue(pattern.Pattern) =>
                        Max(pattern.Pattern is IRecursivePatternOperation recursive ? Members(recursive) : GuardStrength.None, pattern.Guard == null ? GuardStrength.None : Implied(pattern.Guard, polarity: true, 0)),
                    IPatternCaseClauseOperation pattern when pattern.Guard == null => Pattern(pattern.Pattern, polarity: true),
                    IPatternCaseClauseOperation { Guard: { } when } pattern => Max(Pattern(pattern.Pattern, polarity: true), Implied(when, polarity: true, 0)),
                    ISingleValueCaseClauseOperation single => Compare(BinaryOperatorKind.Equals, ConstantFolder.AsInt64(single.Value.ConstantValue), isNull: IsNullConstant(single.Value)),
                    IRelationalCaseClauseOperation relational => Compare(relational.Relation, ConstantFolder.AsInt64(relational.Value.ConstantValue), isNull: false),
                    _ => GuardStrength.None,
                };
                strength = Min(strength, label);
            }

            return strength;
        }

        /// <summary>What a condition being <paramref name="polarity"/> implies about the value.</summary>
        private GuardStrength Implied(IOperation condition, bool polarity, int depth)
        {
            if (depth > MaxDepth)
            {
                return GuardStrength.None;
            }

            condition = BufferSettingFinder.Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Implied(not.Operand, !polarity, depth + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction when IsBool(conjunction):
                    // a && b true: both hold (either one's implication); false: at least one fails (only what both failures imply).
                    return Combine(polarity, Implied(conjunction.LeftOperand, polarity, depth + 1), Implied(conjunction.RightOperand, polarity, depth + 1));
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction when IsBool(disjunction):
                    return Combine(!polarity, Implied(disjunction.LeftOperand, polarity, depth + 1), Implied(disjunction.RightOperand, polarity, depth + 1));
                case IBinaryOperation binary:
                    return Comparison(binary, polarity);
                case IIsPatternOperation isPattern when Tests(isPattern.Value) || DeclaresValue(isPattern.Pattern):
                    return Pattern(isPattern.Pattern, polarity);
                case IIsPatternOperation { Pattern: IRecursivePatternOperation recursive } when polarity:
                    // `o is { Size: > 0 }`: a pattern on the object whose member is the value.
                    return Max(Members(recursive), Mentions(condition) ? GuardStrength.LetsZeroThrough : GuardStrength.None);
                case IIsTypeOperation isType when Tests(isType.ValueOperand):
                    return polarity ? GuardStrength.ExcludesZero : GuardStrength.None;
                case IPropertyReferenceOperation { Property.Name: "HasValue", Instance: { } instance } when Tests(instance):
                    return polarity ? GuardStrength.ExcludesZero : GuardStrength.None;
                case ILocalReferenceOperation local when local.Type?.SpecialType == SpecialType.System_Boolean
                    && _bodies.For(local).LocalWrites.Single(local.Local) is { } held:
                    return Implied(held, polarity, depth + 1);
                default:
                    // A test the analysis cannot read (a call, a flag) that still involves the value skips some configuration.
                    return polarity && Mentions(condition) ? GuardStrength.LetsZeroThrough : GuardStrength.None;
            }
        }

        private GuardStrength Comparison(IBinaryOperation binary, bool polarity)
        {
            var op = binary.OperatorKind;
            IOperation other;
            if (Tests(binary.LeftOperand))
            {
                other = binary.RightOperand;
            }
            else if (Tests(binary.RightOperand))
            {
                other = binary.LeftOperand;
                op = Mirror(op);
            }
            else
            {
                return polarity && Mentions(binary) ? GuardStrength.LetsZeroThrough : GuardStrength.None;
            }

            if (!polarity)
            {
                op = Negate(op);
            }

            var unwrapped = BufferSettingFinder.Unwrap(other);
            return Compare(op, ConstantFolder.AsInt64(unwrapped.ConstantValue), IsNullConstant(unwrapped));
        }

        /// <summary><c>value op k</c> holds: what it says of 0 (or of null).</summary>
        private static GuardStrength Compare(BinaryOperatorKind op, long? k, bool isNull)
        {
            if (isNull)
            {
                return op == BinaryOperatorKind.NotEquals ? GuardStrength.ExcludesZero : GuardStrength.None;
            }

            if (k is not long bound)
            {
                // Compared with another variable: some configuration skips it.
                return GuardStrength.LetsZeroThrough;
            }

            var admitsZero = op switch
            {
                BinaryOperatorKind.GreaterThan => 0 > bound,
                BinaryOperatorKind.GreaterThanOrEqual => 0 >= bound,
                BinaryOperatorKind.LessThan => 0 < bound,
                BinaryOperatorKind.LessThanOrEqual => 0 <= bound,
                BinaryOperatorKind.Equals => bound == 0,
                BinaryOperatorKind.NotEquals => bound != 0,
                _ => true,
            };
            if (!admitsZero)
            {
                return GuardStrength.ExcludesZero;
            }

            // "== 0" admits only zero: that is no configured value.
            return op == BinaryOperatorKind.Equals ? GuardStrength.None : GuardStrength.LetsZeroThrough;
        }

        private GuardStrength Pattern(IPatternOperation pattern, bool polarity)
        {
            switch (pattern)
            {
                case INegatedPatternOperation negated:
                    return Pattern(negated.Pattern, !polarity);
                case IBinaryPatternOperation binary:
                    var left = Pattern(binary.LeftPattern, polarity);
                    var right = Pattern(binary.RightPattern, polarity);
                    return binary.OperatorKind == BinaryOperatorKind.And ? Combine(polarity, left, right) : Combine(!polarity, left, right);
                case IRelationalPatternOperation relational:
                    return Compare(polarity ? relational.OperatorKind : Negate(relational.OperatorKind), ConstantFolder.AsInt64(relational.Value.ConstantValue), isNull: false);
                case IConstantPatternOperation constant:
                    var value = BufferSettingFinder.Unwrap(constant.Value);
                    return Compare(polarity ? BinaryOperatorKind.Equals : BinaryOperatorKind.NotEquals, ConstantFolder.AsInt64(value.ConstantValue), IsNullConstant(value));
                case IDeclarationPatternOperation:
                case ITypePatternOperation:
                case IRecursivePatternOperation:
                    // `is int size`, `is { } size` on an int? (or an object): the value is present. On an int it always matches.
                    return polarity && CanBeNull(pattern.InputType) ? GuardStrength.ExcludesZero : GuardStrength.None;
                default:
                    return GuardStrength.None;
            }
        }

        /// <summary>What the property sub-patterns of a pattern on an object say about the value, when one of its members is the value (all must hold).</summary>
        private GuardStrength Members(IRecursivePatternOperation recursive)
        {
            var strength = GuardStrength.None;
            foreach (var sub in recursive.PropertySubpatterns)
            {
                if (Tests(sub.Member))
                {
                    strength = Max(strength, Pattern(sub.Pattern, polarity: true));
                }
                else if (sub.Pattern is IRecursivePatternOperation nested)
                {
                    strength = Max(strength, Members(nested));
                }
            }

            return strength;
        }

        private static bool CanBeNull(ITypeSymbol? type) =>
            type == null || type.IsReferenceType || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } || type.TypeKind == TypeKind.TypeParameter;

        /// <summary>The local the value reads, through casts, <c>.Value</c> and scaling by a constant (<c>kib * 1024</c>).</summary>
        private static ILocalSymbol? RootLocal(IOperation value)
        {
            while (true)
            {
                value = BufferSettingFinder.Unwrap(value);
                if (ValueSource.ConfiguredOperand(value) is not { } inner)
                {
                    return value is ILocalReferenceOperation local ? local.Local : null;
                }

                value = inner;
            }
        }

        /// <summary>Whether an operand is the value (or its source) the setting uses.</summary>
        private bool Tests(IOperation operand)
        {
            operand = ValueSource.Unconverted(operand);
            while (true)
            {
                switch (operand)
                {
                    case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } when ValueSource.IsNullable(instance):
                        operand = ValueSource.Unconverted(instance);
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Instance: { } instance } when ValueSource.IsNullable(instance):
                        operand = ValueSource.Unconverted(instance);
                        continue;
                }

                break;
            }

            if (_written != null)
            {
                return Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(operand.Syntax, _written);
            }

            var symbol = SymbolOf(operand);
            if (symbol == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(symbol, _source) || SymbolEqualityComparer.Default.Equals(symbol, _direct))
            {
                return true;
            }

            // A local copy of the source tested instead of the source (`var size = o.Size; if (size > 0) … = o.Size`).
            return _source != null && operand is ILocalReferenceOperation copy
                && _bodies.For(copy).LocalWrites.Single(copy.Local) is { } copied
                && SymbolEqualityComparer.Default.Equals(SymbolOf(ValueSource.Unconverted(copied)), _source);
        }

        /// <summary>A pattern that declares the local the setting reads (<c>o.Size is { } size</c>).</summary>
        private bool DeclaresValue(IPatternOperation pattern) =>
            _direct != null && pattern.DescendantsAndSelf().Any(p =>
                (p is IDeclarationPatternOperation d && SymbolEqualityComparer.Default.Equals(d.DeclaredSymbol, _direct))
                || (p is IRecursivePatternOperation r && SymbolEqualityComparer.Default.Equals(r.DeclaredSymbol, _direct)));

        private bool Mentions(IOperation condition)
        {
            foreach (var node in condition.DescendantsAndSelf())
            {
                if (_written != null ? Microsoft.CodeAnalysis.CSharp.SyntaxFactory.AreEquivalent(node.Syntax, _written) : Tests(node))
                {
                    return true;
                }

                if (node is IDeclarationPatternOperation or IRecursivePatternOperation && node is IPatternOperation pattern && DeclaresValue(pattern))
                {
                    return true;
                }
            }

            return false;
        }

        private static ISymbol? SymbolOf(IOperation operation) => operation switch
        {
            ILocalReferenceOperation l => l.Local,
            IParameterReferenceOperation p => p.Parameter,
            IFieldReferenceOperation f => f.Field,
            IPropertyReferenceOperation p => p.Property,
            _ => null,
        };

        /// <summary>A statement that leaves the block: return, throw, break, continue (or a block ending in one).</summary>
        internal static bool Exits(IOperation operation) =>
            operation is IReturnOperation or IThrowOperation or IBranchOperation
            || (operation is IBlockOperation block && block.Operations.LastOrDefault() is { } last && Exits(last))
            || (operation is IExpressionStatementOperation { Operation: IThrowOperation });


        /// <summary>Both facts hold (<paramref name="both"/>): the stronger; one of them: the weaker.</summary>
        private static GuardStrength Combine(bool both, GuardStrength a, GuardStrength b) => both ? Max(a, b) : Min(a, b);

        private static GuardStrength Max(GuardStrength a, GuardStrength b) => (GuardStrength)Math.Max((int)a, (int)b);

        private static GuardStrength Min(GuardStrength a, GuardStrength b) => (GuardStrength)Math.Min((int)a, (int)b);

        private static bool IsBool(IOperation operation) => operation.Type?.SpecialType == SpecialType.System_Boolean;

        private static bool IsNullConstant(IOperation operation) => operation.ConstantValue.HasValue && operation.ConstantValue.Value == null;


        private static BinaryOperatorKind Mirror(BinaryOperatorKind op) => op switch
        {
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
            _ => op,
        };

        private static BinaryOperatorKind Negate(BinaryOperatorKind op) => op switch
        {
            BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThanOrEqual,
            BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThan,
            BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThanOrEqual,
            BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThan,
            BinaryOperatorKind.Equals => BinaryOperatorKind.NotEquals,
            BinaryOperatorKind.NotEquals => BinaryOperatorKind.Equals,
            _ => BinaryOperatorKind.None,
        };
    }
}
