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

            // Trees of the same path (none in a build; a test's unnamed trees) are told apart by their place in the compilation,
            // which is looked up only then: most compilations have hundreds of trees and a few defaults.
            var treeOrder = SharedPaths(found) ? TreeOrders(context.Compilation) : null;
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

        private static int TreeOrder(Dictionary<SyntaxTree, int>? order, SyntaxTree tree) => order != null && order.TryGetValue(tree, out var index) ? index : int.MaxValue;

        /// <summary>Two of the settings reached sit in different trees of the same path.</summary>
        private static bool SharedPaths(IReadOnlyList<Flow.DefaultReach> found)
        {
            var byPath = new Dictionary<string, SyntaxTree>(System.StringComparer.Ordinal);
            foreach (var reach in found)
            {
                var tree = reach.Setting.Operation.Syntax.SyntaxTree;
                if (byPath.TryGetValue(tree.FilePath, out var seen))
                {
                    if (seen != tree)
                    {
                        return true;
                    }
                }
                else
                {
                    byPath[tree.FilePath] = tree;
                }
            }

            return false;
        }

        private static Dictionary<SyntaxTree, int> TreeOrders(Compilation compilation)
        {
            var order = new Dictionary<SyntaxTree, int>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                order[tree] = order.Count;
            }

            return order;
        }
    }
}
