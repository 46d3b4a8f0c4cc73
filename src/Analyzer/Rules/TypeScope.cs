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
    /// One type's analysis. Its operations are scanned as they come (settings, and every socket value written to the
    /// type's fields); at the type's end the fields' kinds are known, so each setting is resolved and the rules decide.
    /// </summary>
    internal sealed class TypeScope
    {
        private readonly AnalysisSession _session;
        private readonly ConcurrentQueue<(BufferSetting Setting, string? ConnectCall)> _settings = new();
        private readonly ConcurrentQueue<(ISymbol Member, IOperation Value)> _memberWrites = new();
        private readonly SocketOriginResolver _bodyResolver;

        public TypeScope(AnalysisSession session)
        {
            _session = session;

            // Within a method body fields are not followed: their kinds are known only at the type's end.
            _bodyResolver = new SocketOriginResolver(session.Symbols, _ => SocketOrigin.Unknown);
        }

        /// <summary>Registers the type's callbacks: one operation pass over its members, then the decision at its end.</summary>
        public void Register(SymbolStartAnalysisContext context)
        {
            context.RegisterOperationAction(OnAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            context.RegisterOperationAction(OnInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(OnInitializer, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            context.RegisterSymbolEndAction(OnEnd);
        }

        private void OnAssignment(OperationAnalysisContext context)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            RecordMemberWrite(assignment);
            var setting = _session.Finder.FromAssignment(assignment);
            if (setting != null)
            {
                Collect(context, setting);
            }
        }

        private void OnInvocation(OperationAnalysisContext context)
        {
            var setting = _session.Finder.FromInvocation((IInvocationOperation)context.Operation);
            if (setting != null)
            {
                Collect(context, setting);
            }
        }

        private void OnInitializer(OperationAnalysisContext context)
        {
            var initializer = (ISymbolInitializerOperation)context.Operation;
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
        }

        /// <summary>What can be known within the method body: the constant, the guard, the connect that may precede.</summary>
        private void Collect(OperationAnalysisContext context, BufferSetting setting)
        {
            var owner = context.ContainingSymbol;
            setting.Owner = owner is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor
                ? constructor.ContainingType.Name + " constructor"
                : owner.ContainingType?.Name + "." + owner.Name;
            setting.Constant = ConstantFolder.Fold(setting.Value);
            setting.Guarded = setting.Constant == null && GuardFinder.IsGuarded(setting);
            _settings.Enqueue((setting, ConnectCallBefore(context, setting, _bodyResolver)));
        }

        /// <summary>The connect method that can run before this receive setting on the same socket (control flow), or null.</summary>
        private static string? ConnectCallBefore(OperationAnalysisContext context, BufferSetting setting, SocketOriginResolver resolver)
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

            var body = setting.Operation;
            while (body.Parent != null)
            {
                body = body.Parent;
            }

            var connect = ConnectionTimeline.ConnectCallOn(body, socket, resolver);
            return connect != null && ConnectionTimeline.MayRunAfterConnect(context.GetControlFlowGraph(), setting.Operation.Syntax, socket, resolver)
                ? connect
                : null;
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
            var type = assignment.Target.Type;
            if (member == null || !(_session.Symbols.IsSocket(type) || _session.Symbols.IsTcpClient(type) || _session.Symbols.IsUdpClient(type) || _session.Symbols.IsTcpListener(type)))
            {
                return;
            }

            // Clearing a field (null, default) on dispose does not change what kind of socket it holds.
            var value = BufferSettingFinder.Unwrap(assignment.Value);
            if (value is IDefaultValueOperation || (value.ConstantValue.HasValue && value.ConstantValue.Value == null))
            {
                return;
            }

            _memberWrites.Enqueue((member, assignment.Value));
        }
    }
}
