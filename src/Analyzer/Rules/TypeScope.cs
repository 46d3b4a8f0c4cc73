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
    /// One type's analysis. Its operations are scanned as they come: each buffer setting gets what its method body shows
    /// (constant, value source, guard, the connect call that may precede it), and every socket value written to the type's
    /// fields is kept. At the type's end the fields' kinds are known, so each setting is described completely, once, and
    /// the rules decide on that description.
    /// </summary>
    internal sealed class TypeScope
    {
        private readonly AnalysisSession _session;
        private readonly MethodBodies _bodies = new();
        private readonly ConcurrentQueue<PendingSetting> _settings = new();
        private readonly ConcurrentQueue<(ISymbol Member, IOperation Value)> _memberWrites = new();
        private readonly SocketOriginResolver _bodyResolver;

        public TypeScope(AnalysisSession session)
        {
            _session = session;

            // Within a method body fields are not followed: their kinds are known only at the type's end.
            _bodyResolver = new SocketOriginResolver(session.Symbols, _bodies, _ => SocketOrigin.Unknown);
        }

        /// <summary>Registers the type's callbacks: one operation pass over its members, then the decision at its end.</summary>
        public void Register(SymbolStartAnalysisContext context)
        {
            context.RegisterOperationAction(OnAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            context.RegisterOperationAction(OnInvocation, OperationKind.Invocation);
            if (_session.Symbols.Catalog.HasConstructionForms)
            {
                context.RegisterOperationAction(OnCreation, OperationKind.ObjectCreation);
            }

            context.RegisterOperationAction(OnInitializer, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            context.RegisterSymbolEndAction(OnEnd);
        }

        private void OnAssignment(OperationAnalysisContext context)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            RecordMemberWrite(assignment);
            foreach (var match in _session.Finder.FromAssignment(assignment))
            {
                Collect(context, match);
            }
        }

        private void OnInvocation(OperationAnalysisContext context)
        {
            _session.LibraryDefaults.Observe(context.Operation);
            foreach (var match in _session.Finder.FromInvocation((IInvocationOperation)context.Operation))
            {
                Collect(context, match);
            }
        }

        private void OnCreation(OperationAnalysisContext context)
        {
            _session.LibraryDefaults.Observe(context.Operation);
            foreach (var match in _session.Finder.FromCreation((IObjectCreationOperation)context.Operation))
            {
                Collect(context, match);
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

        /// <summary>What the method body shows about a setting: the constant, the value's source and guard, the connect that may precede it.</summary>
        private void Collect(OperationAnalysisContext context, SetterMatch match)
        {
            var owner = context.ContainingSymbol;
            var ownerName = owner is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor
                ? constructor.ContainingType.Name + " constructor"
                : owner.ContainingType?.Name + "." + owner.Name;
            var constant = match.ParsedConstant ?? ConstantFolder.Fold(match.Value, _bodies);
            var source = constant == null ? ValueSource.Of(match.Value, _bodies) : null;
            var guard = constant == null
                ? new Guard(GuardFinder.Strength(match, source, _bodies), GuardAdvice.For(match.Value))
                : Guard.NotNeeded;
            _settings.Enqueue(new PendingSetting(match, ownerName, constant, source, guard, ConnectCallBefore(context, match)));
        }

        /// <summary>The connect call that can run before this receive setting on the same socket (control flow), or null.</summary>
        private IInvocationOperation? ConnectCallBefore(OperationAnalysisContext context, SetterMatch match)
        {
            if (match.Form.Side != BufferSide.Receive || !match.Form.ReceiverIsSocket || match.Receiver == null)
            {
                return null;
            }

            var socket = _bodyResolver.RootSymbol(match.Receiver);
            if (socket == null)
            {
                return null;
            }

            var body = _bodies.For(match.Operation);
            var connect = body.FirstConnectOn(socket, _bodyResolver);
            return connect != null && body.MayRunAfterConnect(context.GetControlFlowGraph(), match.Operation, socket, _bodyResolver) ? connect : null;
        }

        public void OnEnd(SymbolAnalysisContext context)
        {
            if (_settings.IsEmpty)
            {
                return;
            }

            var origins = MemberOrigins();
            var resolver = new SocketOriginResolver(_session.Symbols, _bodies, member => origins.TryGetValue(member, out var origin) ? origin : SocketOrigin.Unknown);
            foreach (var pending in _settings)
            {
                var match = pending.Match;

                // A library knob sets the library's own sockets: TCP connections unless the code shows otherwise.
                var origin = match.Form.ReceiverIsSocket ? resolver.Resolve(match.Receiver) : SocketOrigin.Unknown;
                var setting = new BufferSetting(match, pending.Owner, pending.Constant, pending.Source, pending.Guard, origin, pending.ConnectCall);
                _session.Defaults.RecordSetting(setting);
                _session.LibraryDefaults.RecordSetting(setting);
                var input = new RuleInput(setting, _session.SettingsFor(match.Operation.Syntax.SyntaxTree), _session.Cache);
                foreach (var diagnostic in RuleSet.Decide(input))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        /// <summary>A field or property of the type is of a proven kind when every socket the type writes to it (initializers, constructors, methods; null aside) is.</summary>
        private Dictionary<ISymbol, SocketOrigin> MemberOrigins()
        {
            var origins = new Dictionary<ISymbol, SocketOrigin>(SymbolEqualityComparer.Default);
            foreach (var (member, value) in _memberWrites)
            {
                var origin = _bodyResolver.Resolve(value);
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
            if (member == null || !_session.Symbols.IsSocketHolder(assignment.Target.Type))
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

        /// <summary>What a method body showed about a setting, waiting for the type's end (when field kinds are known).</summary>
        private sealed class PendingSetting
        {
            public PendingSetting(SetterMatch match, string owner, long? constant, ISymbol? source, Guard guard, IInvocationOperation? connectCall)
            {
                Match = match;
                Owner = owner;
                Constant = constant;
                Source = source;
                Guard = guard;
                ConnectCall = connectCall;
            }

            public SetterMatch Match { get; }

            public string Owner { get; }

            public long? Constant { get; }

            public ISymbol? Source { get; }

            public Guard Guard { get; }

            public IInvocationOperation? ConnectCall { get; }
        }
    }
}
