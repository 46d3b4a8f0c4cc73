using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// One type's analysis. Method bodies are scanned as they come (settings, and every socket value written to the
    /// type's fields); at the type's end the fields' kinds are known, so each setting is resolved and the rules decide.
    /// </summary>
    internal sealed class TypeScope
    {
        private readonly AnalysisSession _session;
        private readonly ConcurrentQueue<(BufferSetting Setting, string? ConnectCall)> _settings = new();
        private readonly ConcurrentQueue<(ISymbol Member, IOperation Value)> _memberWrites = new();

        public TypeScope(AnalysisSession session)
        {
            _session = session;
        }

        public void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            var found = new List<BufferSetting>();
            context.RegisterOperationAction(
                c =>
                {
                    var assignment = (IAssignmentOperation)c.Operation;
                    RecordMemberWrite(assignment);
                    var setting = _session.Finder.FromAssignment(assignment);
                    if (setting != null)
                    {
                        lock (found)
                        {
                            found.Add(setting);
                        }
                    }
                },
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment);
            context.RegisterOperationAction(
                c =>
                {
                    var setting = _session.Finder.FromInvocation((IInvocationOperation)c.Operation);
                    if (setting != null)
                    {
                        lock (found)
                        {
                            found.Add(setting);
                        }
                    }
                },
                OperationKind.Invocation);
            context.RegisterOperationAction(
                c =>
                {
                    var initializer = (ISymbolInitializerOperation)c.Operation;
                    var members = initializer switch
                    {
                        IFieldInitializerOperation field => field.InitializedFields.Cast<ISymbol>(),
                        IPropertyInitializerOperation property => property.InitializedProperties,
                        _ => Enumerable.Empty<ISymbol>(),
                    };
                    foreach (var member in members)
                    {
                        _memberWrites.Enqueue((member, initializer.Value));
                        _session.Defaults.RecordInitializer(member, initializer.Value);
                    }
                },
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer);
            context.RegisterOperationBlockEndAction(c => OnBlockEnd(c, found));
        }

        private void OnBlockEnd(OperationBlockAnalysisContext context, List<BufferSetting> found)
        {
            if (found.Count == 0)
            {
                return;
            }

            var owner = context.OwningSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor
                ? constructor.ContainingType.Name + " constructor"
                : context.OwningSymbol.ContainingType?.Name + "." + context.OwningSymbol.Name;

            var resolver = new SocketOriginResolver(_session.Symbols, _ => SocketOrigin.Unknown);
            foreach (var setting in found)
            {
                setting.Owner = owner;
                setting.Constant = ConstantFolder.Fold(setting.Value);
                setting.Guarded = setting.Constant == null && GuardFinder.IsGuarded(setting);
                _settings.Enqueue((setting, ConnectCallBefore(context, setting, resolver)));
            }
        }

        /// <summary>The connect method that can run before this receive setting on the same socket (control flow), or null.</summary>
        private static string? ConnectCallBefore(OperationBlockAnalysisContext context, BufferSetting setting, SocketOriginResolver resolver)
        {
            if (setting.Side != BufferSide.Receive || setting.Receiver == null)
            {
                return null;
            }

            var socket = resolver.RootSymbol(setting.Receiver);
            if (socket == null)
            {
                return null;
            }

            foreach (var block in context.OperationBlocks)
            {
                if (!block.Syntax.Span.Contains(setting.Operation.Syntax.Span))
                {
                    continue;
                }

                var connect = ConnectionTimeline.ConnectCallOn(block, socket, resolver);
                if (connect != null && ConnectionTimeline.MayRunAfterConnect(context.GetControlFlowGraph(block), setting.Operation.Syntax, socket, resolver))
                {
                    return connect;
                }
            }

            return null;
        }

        public void OnEnd(SymbolAnalysisContext context)
        {
            if (_settings.IsEmpty)
            {
                return;
            }

            var origins = MemberOrigins();
            var resolver = new SocketOriginResolver(_session.Symbols, member => origins.TryGetValue(member, out var origin) ? origin : SocketOrigin.Unknown);
            foreach (var (setting, connectCall) in _settings)
            {
                var settings = _session.SettingsFor(setting.Operation.Syntax.SyntaxTree);
                var input = new RuleInput(setting, resolver.Resolve(setting.Receiver), connectCall, settings, _session.Cache);
                _session.Defaults.RecordSetting(setting, input.Kind);
                foreach (var diagnostic in RuleSet.Decide(input))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        /// <summary>A field or property of the type is of a proven kind when every socket the type writes to it (initializers, constructors, methods; null aside) is.</summary>
        private Dictionary<ISymbol, SocketOrigin> MemberOrigins()
        {
            var resolver = new SocketOriginResolver(_session.Symbols, _ => SocketOrigin.Unknown);
            var origins = new Dictionary<ISymbol, SocketOrigin>(SymbolEqualityComparer.Default);
            foreach (var (member, value) in _memberWrites)
            {
                var origin = resolver.Resolve(value);
                origins[member] = origins.TryGetValue(member, out var previous) ? previous.Merge(origin) : origin;
            }

            return origins;
        }

        private void RecordMemberWrite(IAssignmentOperation assignment)
        {
            if (assignment is not ISimpleAssignmentOperation)
            {
                return;
            }

            var member = assignment.Target switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                IPropertyReferenceOperation property when property.Property.Parameters.IsEmpty => property.Property,
                _ => null,
            };
            // Clearing a field (null, default) on dispose does not change what kind of socket it holds.
            var value = BufferSettingFinder.Unwrap(assignment.Value);
            if (value is IDefaultValueOperation || (value.ConstantValue.HasValue && value.ConstantValue.Value == null))
            {
                return;
            }

            var type = assignment.Target.Type;
            if (member != null && (_session.Symbols.IsSocket(type) || _session.Symbols.IsTcpClient(type) || _session.Symbols.IsUdpClient(type) || _session.Symbols.IsTcpListener(type)))
            {
                _memberWrites.Enqueue((member, assignment.Value));
            }
        }
    }
}
