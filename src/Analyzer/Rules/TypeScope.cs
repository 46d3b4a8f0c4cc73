using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Flow;
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
        private readonly ConcurrentQueue<PendingArgument> _arguments = new();
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
            context.RegisterOperationAction(OnCreation, OperationKind.ObjectCreation);
            context.RegisterOperationAction(OnInitializer, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            context.RegisterOperationAction(OnReturn, OperationKind.Return);
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

            if (assignment is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { SetMethod: { } setter } property } }
                && FlowFacts.IsSizeType(property.Type) && FlowFacts.IsInSource(property) && setter.Parameters.Length == 1)
            {
                RecordArgument(context, setter.Parameters[0], assignment, assignment.Value);
            }
        }

        private void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            foreach (var match in _session.Finder.FromInvocation(invocation))
            {
                Collect(context, match);
            }

            RecordArguments(context, invocation.TargetMethod, invocation, invocation.Arguments);
        }

        private void OnCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (_session.Symbols.Catalog.HasConstructionForms)
            {
                foreach (var match in _session.Finder.FromCreation(creation))
                {
                    Collect(context, match);
                }
            }

            if (creation.Constructor is { } constructor)
            {
                RecordArguments(context, constructor, creation, creation.Arguments);
            }
        }

        /// <summary>A property getter that returns a size: the join follows reads of the property to what it returns.</summary>
        private void OnReturn(OperationAnalysisContext context)
        {
            if (context.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property }
                && context.Operation is IReturnOperation { ReturnedValue: { } returned } && FlowFacts.IsSizeType(property.Type))
            {
                _session.Flow.AddGetter(property, ValueExpr.Build(returned, _bodies));
            }
        }

        /// <summary>The size and socket arguments of a call to a member of this compilation, for the compilation-end join.</summary>
        private void RecordArguments(OperationAnalysisContext context, IMethodSymbol method, IOperation call, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            if (arguments.IsEmpty || !FlowFacts.IsInSource(method))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && (FlowFacts.IsSizeType(parameter.Type) || _session.Symbols.IsSocketHolder(parameter.Type)))
                {
                    RecordArgument(context, parameter, call, argument.Value);
                }
            }
        }

        private void RecordArgument(OperationAnalysisContext context, IParameterSymbol parameter, IOperation call, IOperation value)
        {
            var caller = OwnerName(context.ContainingSymbol);
            if (FlowFacts.IsSizeType(parameter.Type))
            {
                var unwrapped = BufferSettingFinder.Unwrap(value);
                var constant = ConstantFolder.Fold(unwrapped, _bodies);
                var source = constant == null ? ValueSource.Of(unwrapped, _bodies) : null;
                var guard = constant == null ? GuardFinder.Strength(call, unwrapped, source, _bodies) : GuardStrength.None;
                _arguments.Enqueue(new PendingArgument(parameter, call, unwrapped, caller, ValueExpr.Build(unwrapped, _bodies), constant, source, guard, null));
                return;
            }

            // A socket argument: its origin waits for the type's end (fields); whether it may be connected here is known now.
            string? connectedBy = null;
            if (_bodyResolver.RootSymbol(value) is { } socket)
            {
                var body = _bodies.For(call);
                if (body.FirstConnectOn(socket, _bodyResolver) is { } connect && body.MayRunAfterConnect(context.GetControlFlowGraph(), call, socket, _bodyResolver))
                {
                    connectedBy = connect.TargetMethod.Name + " in " + caller;
                }
            }

            _arguments.Enqueue(new PendingArgument(parameter, call, value, caller, null, null, null, GuardStrength.None, connectedBy));
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
                if (member is not IFieldSymbol { IsConst: true } && FlowFacts.IsSizeType(member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type))
                {
                    _session.Flow.AddMemberWrite(member, ValueExpr.Build(initializer.Value, _bodies));
                }
            }
        }

        /// <summary>What the method body shows about a setting: the constant, the value's source and guard, the connect that may precede it.</summary>
        private void Collect(OperationAnalysisContext context, SetterMatch match)
        {
            var ownerName = OwnerName(context.ContainingSymbol);
            var constant = ConstantFolder.Fold(match.Value, _bodies);
            var source = constant == null ? ValueSource.Of(match.Value, _bodies) : null;
            var guard = constant == null
                ? new Guard(GuardFinder.Strength(match, source, _bodies), GuardAdvice.For(match.Value))
                : Guard.NotNeeded;
            _settings.Enqueue(new PendingSetting(match, ownerName, constant, source, guard, ConnectCallBefore(context, match), ValueExpr.Build(match.Value, _bodies), PlatformBranch.Of(match.Operation)));
        }

        /// <summary>"Connector.Open", "Connector constructor", "Wrapper.ReceiveBufferSize" (a property's accessor names the property).</summary>
        private static string OwnerName(ISymbol owner) => owner switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => constructor.ContainingType.Name + " constructor",
            IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.ContainingType?.Name + "." + property.Name,
            _ => owner.ContainingType?.Name + "." + owner.Name,
        };

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
            if (_settings.IsEmpty && _arguments.IsEmpty)
            {
                return;
            }

            var origins = MemberOrigins();
            var resolver = new SocketOriginResolver(_session.Symbols, _bodies, member => origins.TryGetValue(member, out var origin) ? origin : SocketOrigin.Unknown);
            var typeFacts = new FlowFacts();
            foreach (var argument in _arguments)
            {
                var socket = argument.Expr == null ? resolver.Resolve(argument.Value) : SocketOrigin.Unknown;
                var call = new CallArgument(argument.Parameter, argument.Call, argument.Value, argument.Caller, argument.Expr, argument.Constant, argument.Source, argument.Guard, socket, argument.ConnectedBy);
                _session.Flow.AddArgument(call);
                typeFacts.AddArgument(call);
            }

            foreach (var pending in _settings)
            {
                var match = pending.Match;

                // A library knob sets the library's own sockets: TCP connections unless the code shows otherwise.
                var origin = match.Form.ReceiverIsSocket ? resolver.Resolve(match.Receiver) : SocketOrigin.Unknown;
                var setting = new BufferSetting(match, pending.Owner, pending.Constant, pending.Source, pending.Guard, origin, pending.ConnectCall, platform: pending.Platform);

                // A value or socket that is a parameter of the enclosing member is decided by its callers, at compilation end.
                var valueParameter = pending.Constant == null && pending.Expr.Kind == ValueExprKind.Parameter ? MemberParameter(pending.Expr.Symbol) : null;
                var socketParameter = match.Form.ReceiverIsSocket && match.Receiver != null ? MemberParameter(_bodyResolver.RootSymbol(match.Receiver)) : null;
                if (valueParameter == null && socketParameter != null && !IsPrivate(socketParameter))
                {
                    // A public member's socket parameter: its callers may be in other compilations; judged as unknown, live.
                    socketParameter = null;
                }

                if (valueParameter != null || socketParameter != null)
                {
                    var deferred = new DeferredSetting(setting, pending.Expr, valueParameter, socketParameter);
                    if (IsPrivate(valueParameter ?? socketParameter!) && !typeFacts.ArgumentsOf(valueParameter ?? socketParameter!).Any(a => a.Expr?.Kind == ValueExprKind.Parameter))
                    {
                        // Every caller of a private member is in this type: decided here, so the IDE shows it while typing.
                        CrossMethodJoin.ReportInType(_session, typeFacts, deferred, context.ReportDiagnostic, context.CancellationToken);
                    }
                    else
                    {
                        _session.Flow.Deferred.Enqueue(deferred);
                    }

                    continue;
                }

                if (pending.Expr.Kind == ValueExprKind.Member)
                {
                    _session.Flow.Reaches.Enqueue((setting, pending.Expr, System.Collections.Immutable.ImmutableStack<ValueExpr>.Empty));
                }

                var input = new RuleInput(setting, _session.SettingsFor(match.Operation.Syntax.SyntaxTree, pending.Platform), _session.Cache);
                foreach (var diagnostic in RuleSet.Decide(input))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        /// <summary>A parameter of a private member or a local function: all its calls are in this type.</summary>
        private static bool IsPrivate(IParameterSymbol parameter) => parameter.ContainingSymbol is IMethodSymbol method
            && (method.MethodKind == MethodKind.LocalFunction || method.DeclaredAccessibility == Accessibility.Private
                || (method.AssociatedSymbol is { DeclaredAccessibility: Accessibility.Private }));

        /// <summary>A parameter of a method, constructor, accessor or local function (a lambda's callers are not visible).</summary>
        private static IParameterSymbol? MemberParameter(ISymbol? symbol) =>
            symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } } parameter ? parameter : null;

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
            if (member != null && FlowFacts.IsSizeType(assignment.Target.Type))
            {
                // Any size written to any field or property: the join follows members to the constants written to them.
                _session.Flow.AddMemberWrite(member, ValueExpr.Build(assignment.Value, _bodies));
                return;
            }

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
            public PendingSetting(SetterMatch match, string owner, long? constant, ISymbol? source, Guard guard, IInvocationOperation? connectCall, ValueExpr expr, TargetOs? platform)
            {
                Expr = expr;
                Platform = platform;
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

            public ValueExpr Expr { get; }

            public TargetOs? Platform { get; }
        }

        /// <summary>A call argument waiting for the type's end, when the kinds of the type's fields are known.</summary>
        private sealed class PendingArgument
        {
            public PendingArgument(IParameterSymbol parameter, IOperation call, IOperation value, string caller, ValueExpr? expr, long? constant, ISymbol? source, GuardStrength guard, string? connectedBy)
            {
                Parameter = parameter;
                Call = call;
                Value = value;
                Caller = caller;
                Expr = expr;
                Constant = constant;
                Source = source;
                Guard = guard;
                ConnectedBy = connectedBy;
            }

            public IParameterSymbol Parameter { get; }

            public IOperation Call { get; }

            public IOperation Value { get; }

            public string Caller { get; }

            public ValueExpr? Expr { get; }

            public long? Constant { get; }

            public ISymbol? Source { get; }

            public GuardStrength Guard { get; }

            public string? ConnectedBy { get; }
        }
    }
}
