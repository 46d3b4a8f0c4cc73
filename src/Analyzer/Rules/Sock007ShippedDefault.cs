using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// SOCK007 (and SOCK003 on a default above the limit): fields and properties with a constant initializer whose value
    /// reaches a buffer setter anywhere in the compilation. Both halves are collected during the run and joined at its end.
    /// </summary>
    internal sealed class ShippedDefaults
    {
        /// <summary>Diagnostic property for the fix (kept for the fixes; see <see cref="FixFacts"/>).</summary>
        public const string AllGuardedProperty = FixFacts.AllGuardedKey;

        private readonly ConcurrentDictionary<ISymbol, (long Value, Location Location)> _defaults = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<(ISymbol Member, BufferSetting Setting)> _reaches = new();

        /// <summary>A member initializer: kept when it is a constant and the member is not <c>const</c>.</summary>
        public void RecordInitializer(ISymbol member, IOperation value)
        {
            if (member is IFieldSymbol { IsConst: true } || !IsInteger(member))
            {
                return;
            }

            var unwrapped = BufferSettingFinder.Unwrap(value);
            if (ConstantFolder.AsInt64(unwrapped.ConstantValue) is long constant)
            {
                _defaults.TryAdd(member, (constant, unwrapped.Syntax.GetLocation()));
            }
        }

        /// <summary>A setting whose value reads a member directly (or through one local initialised from it).</summary>
        public void RecordSetting(BufferSetting setting)
        {
            if (setting.Constant == null && setting.CompoundOperator == null && setting.Source is IFieldSymbol or IPropertySymbol)
            {
                _reaches.Enqueue((setting.Source.OriginalDefinition, setting));
            }
        }

        public void Report(CompilationAnalysisContext context, AnalysisSession session)
        {
            // A total order (path, the tree's place in the compilation, position, side): the same build gives the same messages.
            var treeOrder = new Dictionary<SyntaxTree, int>();
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                treeOrder[tree] = treeOrder.Count;
            }

            var reachesByMember = _reaches
                .GroupBy(r => r.Member, SymbolEqualityComparer.Default)
                .ToDictionary(g => g.Key!, g => g.OrderBy(r => r.Setting.Operation.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(r => TreeOrder(treeOrder, r.Setting.Operation.Syntax.SyntaxTree)).ThenBy(r => r.Setting.Operation.Syntax.SpanStart).ThenBy(r => r.Setting.Side).ToList(), SymbolEqualityComparer.Default);

            foreach (var entry in _defaults)
            {
                if (!reachesByMember.TryGetValue(entry.Key, out var reaches) || entry.Value.Location.SourceTree is not { } tree)
                {
                    continue;
                }

                var settings = session.SettingsFor(tree);
                var value = entry.Value.Value;
                var properties = FixFacts.ShippedDefault(reaches.All(r => r.Setting.Guard.Strength == GuardStrength.ExcludesZero));

                foreach (var reach in reaches.Where(r => r.Setting.MaybeTcp))
                {
                    var bytes = value * (long)reach.Setting.Form.Unit;
                    if (FixedTcpBufferRule.Cost(session.Cache, settings, reach.Setting.Request(bytes)) is { } outcome)
                    {
                        var message = Messages.ShippedDefault(entry.Key.Name, bytes, reach.Setting.SetterName, reach.Setting.Owner, outcome, settings);
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK007_ShippedDefaultFixesBuffer, entry.Value.Location, properties, message));
                        break;
                    }
                }

                foreach (var reach in reaches)
                {
                    var bytes = value * (long)reach.Setting.Form.Unit;
                    if (!reach.Setting.Force && AboveKernelLimitRule.IsAbove(settings.Profile, reach.Setting.Side, bytes))
                    {
                        var outcome = session.Cache.Evaluate(settings, reach.Setting.Request(bytes));
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK003_AboveKernelLimit, entry.Value.Location, Messages.AboveLimit(bytes, outcome, settings.Profile)));
                        break;
                    }
                }
            }
        }

        private static int TreeOrder(Dictionary<SyntaxTree, int> order, SyntaxTree tree) => order.TryGetValue(tree, out var index) ? index : int.MaxValue;

        private static bool IsInteger(ISymbol member)
        {
            var type = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32;
        }
    }
}
