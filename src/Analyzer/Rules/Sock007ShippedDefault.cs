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
    /// SOCK007 (and SOCK003 on a default above the limit): a constant nobody chose (a member initializer or a constant
    /// written to a member, a parameter default, through getters and constant scaling) that reaches a buffer setter anywhere
    /// in the compilation; the cross-method join (<see cref="Flow.CrossMethodJoin"/>) finds them at compilation end.
    /// </summary>
    internal sealed class ShippedDefaults
    {
        /// <summary>Reports each default once, at its constant, for the first setting it reaches in a total order (path, tree, position, side).</summary>
        public void Report(CompilationAnalysisContext context, AnalysisSession session, IReadOnlyList<Flow.DefaultReach> found)
        {
            if (found.Count == 0)
            {
                return;
            }

            var treeOrder = new Dictionary<SyntaxTree, int>();
            foreach (var tree in context.Compilation.SyntaxTrees)
            {
                treeOrder[tree] = treeOrder.Count;
            }

            var byDefault = found
                .Where(r => r.Location.SourceTree != null)
                .GroupBy(r => (r.Location.SourceTree, r.Location.SourceSpan))
                .Select(g => g
                    .OrderBy(r => r.Setting.Operation.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(r => TreeOrder(treeOrder, r.Setting.Operation.Syntax.SyntaxTree))
                    .ThenBy(r => r.Setting.Operation.Syntax.SpanStart)
                    .ThenBy(r => r.Setting.Side)
                    .ToList());

            foreach (var reaches in byDefault)
            {
                var first = reaches[0];
                var settings = session.SettingsFor(first.Location.SourceTree!);
                var properties = FixFacts.ShippedDefault(reaches.All(r => r.Setting.Guard.Strength == GuardStrength.ExcludesZero));

                foreach (var reach in reaches.Where(r => r.Setting.MaybeTcp))
                {
                    var bytes = reach.Value * (long)reach.Setting.Form.Unit;
                    if (reach.Value >= 0 && FixedTcpBufferRule.Cost(session.Cache, settings, reach.Setting.Request(bytes)) is { } outcome)
                    {
                        var message = Messages.ShippedDefault(reach.Name, bytes, reach.Setting.SetterName, reach.Setting.Owner, outcome, settings);
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK007_ShippedDefaultFixesBuffer, reach.Location, properties, message));
                        break;
                    }
                }

                foreach (var reach in reaches)
                {
                    var bytes = reach.Value * (long)reach.Setting.Form.Unit;
                    if (!reach.Setting.Force && bytes >= 0 && AboveKernelLimitRule.IsAbove(settings.Profile, reach.Setting.Side, bytes))
                    {
                        var outcome = session.Cache.Evaluate(settings, reach.Setting.Request(bytes));
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK003_AboveKernelLimit, reach.Location, Messages.AboveLimit(bytes, outcome, settings.Profile)));
                        break;
                    }
                }
            }
        }

        private static int TreeOrder(Dictionary<SyntaxTree, int> order, SyntaxTree tree) => order.TryGetValue(tree, out var index) ? index : int.MaxValue;
    }
}
