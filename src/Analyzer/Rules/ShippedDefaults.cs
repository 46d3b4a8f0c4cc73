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
        /// <summary>Diagnostic property for the fix: "true" when every setter the member reaches is guarded.</summary>
        public const string AllGuardedProperty = "AllGuarded";

        private readonly ConcurrentDictionary<ISymbol, (long Value, Location Location)> _defaults = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentQueue<(ISymbol Member, BufferSetting Setting, SocketKind Kind)> _reaches = new();

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
        public void RecordSetting(BufferSetting setting, SocketKind kind)
        {
            if (setting.Constant == null && setting.CompoundOperator == null && ValueSource.Member(setting.Value) is { } member)
            {
                _reaches.Enqueue((member.OriginalDefinition, setting, kind));
            }
        }

        public void Report(CompilationAnalysisContext context, AnalysisSession session)
        {
            var reachesByMember = _reaches
                .GroupBy(r => r.Member, SymbolEqualityComparer.Default)
                .ToDictionary(g => g.Key!, g => g.OrderBy(r => r.Setting.Operation.Syntax.SyntaxTree.FilePath).ThenBy(r => r.Setting.Operation.Syntax.SpanStart).ToList(), SymbolEqualityComparer.Default);

            foreach (var entry in _defaults)
            {
                if (!reachesByMember.TryGetValue(entry.Key, out var reaches) || entry.Value.Location.SourceTree is not { } tree)
                {
                    continue;
                }

                var settings = session.SettingsFor(tree);
                var value = entry.Value.Value;
                var allGuarded = reaches.All(r => r.Setting.Guarded) ? "true" : "false";
                var properties = ImmutableDictionary<string, string?>.Empty.Add(AllGuardedProperty, allGuarded);

                foreach (var reach in reaches.Where(r => r.Kind == SocketKind.Tcp || r.Kind == SocketKind.Unknown))
                {
                    var request = new BufferRequest(value, reach.Setting.Side, reach.Kind, SetTiming.BeforeConnect, reach.Setting.Api, reach.Setting.Force);
                    if (FixedTcpBufferRule.Cost(session.Cache, settings, request) is { } outcome)
                    {
                        var message = Messages.ShippedDefault(entry.Key.Name, value, reach.Setting.SetterName, reach.Setting.Owner, outcome, settings);
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK007_ShippedDefaultFixesBuffer, entry.Value.Location, properties, message));
                        break;
                    }
                }

                foreach (var reach in reaches)
                {
                    var side = reach.Setting.Side;
                    if (!reach.Setting.Force && AboveKernelLimitRule.IsAbove(settings.Profile, side, value))
                    {
                        var outcome = session.Cache.Evaluate(settings, new BufferRequest(value, side, reach.Kind, SetTiming.BeforeConnect, reach.Setting.Api));
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK003_AboveKernelLimit, entry.Value.Location, Messages.AboveLimit(value, outcome, settings.Profile)));
                        break;
                    }
                }
            }
        }

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
