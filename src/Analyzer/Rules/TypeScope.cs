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
        private MethodBodies? _bodiesOrNull;
        private Gathered<PendingSetting> _settings;
        private Gathered<(ISymbol Member, IOperation Value)> _memberWrites;
        private Gathered<PendingArgument> _socketArguments;
        private Gathered<SizeArgumentRecord> _sizeArguments;
        private Gathered<SizedCallRecord> _sizedCalls;
        private Gathered<MemberWriteRecord> _sizeWrites;
        private Gathered<GetterRecord> _getters;
        private Gathered<(ISymbol Method, IOperation Value)> _socketReturns;
        private Gathered<(IOperation Body, ISymbol Caller)> _connectingBodies;
        private Gathered<(ISymbol Member, IParameterSymbol Parameter)> _memberFromParameter;
        private Gathered<(ISymbol Method, int Ordinal)> _connectingHelpers;
        private SocketOriginResolver? _bodyResolverOrNull;
        private INamedTypeSymbol? _type;
        private (Dictionary<ISymbol, SocketOrigin> Origins, SocketOriginResolver Resolver)? _late;
        private bool _lateInProgress;

        public TypeScope(AnalysisSession session)
        {
            _session = session;
        }

        /// <summary>The method bodies of the type the analysis has asked about, made when first asked (most types never ask).</summary>
        private MethodBodies _bodies => System.Threading.Volatile.Read(ref _bodiesOrNull)
            ?? System.Threading.Interlocked.CompareExchange(ref _bodiesOrNull, new MethodBodies(), null)
            ?? _bodiesOrNull!;

        /// <summary>
        /// Within a method body fields are not followed: their kinds are known only at the type's end. Made when first asked
        /// (most types never ask); a race makes two equal resolvers and keeps one.
        /// </summary>
        private SocketOriginResolver _bodyResolver => System.Threading.Volatile.Read(ref _bodyResolverOrNull)
            ?? System.Threading.Interlocked.CompareExchange(ref _bodyResolverOrNull, new SocketOriginResolver(_session.Symbols, _bodies, _ => SocketOrigin.Unknown), null)
            ?? _bodyResolverOrNull!;

        /// <summary>Registers the type's callbacks: one operation pass over its members, then the decision at its end.</summary>
        public void Register(SymbolStartAnalysisContext context)
        {
            _type = context.Symbol as INamedTypeSymbol;
            // One registration for every kind: a type's start registers two actions, not six (this runs for every type).
            context.RegisterOperationAction(OnOperation, OperationKinds);
            context.RegisterSymbolEndAction(OnEnd);
        }

        /// <summary>The operations a type's pass looks at (one array for every type: a params call would make one per type; the scan's floor probes register the same).</summary>
        internal static readonly System.Collections.Immutable.ImmutableArray<OperationKind> OperationKinds = System.Collections.Immutable.ImmutableArray.Create(
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment,
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer,
            OperationKind.Return);

        /// <summary>
        /// A type whose members can hold no code at all (enums, delegates). Interfaces are analysed like any type: telling an
        /// abstract-only one from one with default implementations by its declarations cost more than the empty callbacks it
        /// saved (on a project of 2,000 interfaces among 6,000 types, 10 % of the analyzer's time; DotNetty 7 %).
        /// </summary>
        public static bool HoldsNoCode(INamedTypeSymbol type) => type.TypeKind is TypeKind.Enum or TypeKind.Delegate;

        private void OnOperation(OperationAnalysisContext context)
        {
            switch (context.Operation.Kind)
            {
                case OperationKind.Invocation:
                    OnInvocation(context);
                    break;
                case OperationKind.SimpleAssignment:
                case OperationKind.CompoundAssignment:
                    OnAssignment(context);
                    break;
                case OperationKind.ObjectCreation:
                    OnCreation(context);
                    break;
                case OperationKind.Return:
                    OnReturn(context);
                    break;
                default:
                    OnInitializer(context);
                    break;
            }
        }

        private void OnAssignment(OperationAnalysisContext context)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            var target = assignment.Target;

            // A plain write's target is classified once, by the operation's type (a symbol's Type makes a new object per call where
            // nullable annotations are on); most writes are neither sizes nor sockets.
            var role = assignment is ISimpleAssignmentOperation ? _session.Symbols.RoleOf(target.Type) : ValueRole.None;
            if (role != ValueRole.None)
            {
                RecordMemberWrite(assignment, role, context.ContainingSymbol);
            }

            if (target is not IPropertyReferenceOperation propertyReference)
            {
                return;
            }

            foreach (var match in _session.Finder.FromPropertyAssignment(assignment, propertyReference))
            {
                Collect(context, match);
            }

            if (role == ValueRole.Size && propertyReference.Property.SetMethod is { } setter && !SocketSymbols.IsFromMetadata(setter))
            {
                // A property of this compilation may forward its value (the join asks, by the setter's name).
                _sizedCalls.Enqueue(new SizedCallRecord(setter.Name, assignment, context.ContainingSymbol));
            }
        }

        private void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (_session.Symbols.Catalog.RolesOf(method) is { } roles)
            {
                if (roles.IsConnect)
                {
                    RecordConnectingHelper(context, invocation);
                    _connectingBodies.Enqueue((MethodBodies.RootOf(invocation), context.ContainingSymbol));
                }

                _session.LibraryDefaults.Observe(invocation, roles);
                foreach (var match in _session.Finder.FromInvocation(invocation, roles.Forms))
                {
                    Collect(context, match);
                }
            }

            var arguments = invocation.Arguments;
            if (arguments.IsEmpty)
            {
                return;
            }

            // A call of a referenced assembly's method forwards nothing to a setter of this compilation (the catalog's own
            // setters are found above): its arguments are not looked at. (Most calls of most code are of the framework's.)
            if (!SocketSymbols.IsFromMetadata(method))
            {
                RecordArguments(context, method, invocation, arguments);
            }

            // (The delegate's Invoke may be the framework's, Action<int>, while the lambda it calls is this compilation's.)
            if (method.Name == "Invoke" && method.MethodKind == MethodKind.DelegateInvoke)
            {
                RecordDelegateArguments(context, invocation);
            }
        }

        /// <summary>
        /// <c>applySend(24 * 1024)</c> (a delegate invoked with arguments) on a local written once with a lambda (<c>Action&lt;int&gt; applySend = size => …</c>): the
        /// size arguments are calls of the lambda, as for a local function.
        /// </summary>
        private void RecordDelegateArguments(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            if (invocation.Instance is not ILocalReferenceOperation local
                || !HasSizeArgument(invocation.Arguments)
                || BufferSettingFinder.Unwrap(_bodies.For(local).LocalWrites.Single(local.Local) ?? local) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol: var lambda } })
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Ordinal: var ordinal } && ordinal < lambda.Parameters.Length && FlowFacts.IsSizeType(lambda.Parameters[ordinal].Type))
                {
                    RecordArgument(context, lambda.Parameters[ordinal], invocation, argument.Value, isSize: true);
                }
            }
        }

        private static bool HasSizeArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (FlowFacts.IsSizeType(argument.Value.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A parameter of a lambda stored in a local (<c>Action&lt;int&gt; apply = size => …</c>), whose calls <see cref="RecordDelegateArguments"/> records.</summary>
        private static IParameterSymbol? StoredLambdaParameter(ISymbol? symbol, IOperation setting)
        {
            if (symbol is not IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda } parameter)
            {
                return null;
            }

            for (var operation = setting.Parent; operation != null; operation = operation.Parent)
            {
                if (operation is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                {
                    return function.Parent is IDelegateCreationOperation { Parent: IVariableInitializerOperation { Parent: IVariableDeclaratorOperation } } ? parameter : null;
                }
            }

            return null;
        }

        /// <summary>The first call of the member after which the field may be connected: "ConnectAsync in Client.OpenAsync".</summary>
        /// <remarks>
        /// <c>await _socket.ConnectAsync(…); ApplyBuffers();</c>: only a body with a connect call of its own can call the member
        /// after connecting the field, so the type's callbacks keep those bodies (a few) rather than every call of the type's own
        /// methods; the calls on <c>this</c> (or static ones) are found in them here, at the type's end, in text order.
        /// </remarks>
        private string? ConnectedBeforeCall(ISymbol member, ISymbol field)
        {
            var seen = new HashSet<IOperation>();
            var calls = new List<(IInvocationOperation Call, ISymbol Caller)>();
            foreach (var (root, caller) in _connectingBodies)
            {
                if (!seen.Add(root))
                {
                    continue;
                }

                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation { Instance: null or IInstanceReferenceOperation } call
                        && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, member))
                    {
                        calls.Add((call, caller));
                    }
                }
            }

            foreach (var (call, caller) in calls.OrderBy(c => c.Call.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(c => c.Call.Syntax.SpanStart))
            {
                foreach (var (socket, connect) in _bodies.For(call).ConnectedAt(call, _bodyResolver))
                {
                    if (SymbolEqualityComparer.Default.Equals(socket.OriginalDefinition, field))
                    {
                        return connect.TargetMethod.Name + " in " + OwnerName(caller);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// <c>static Task ConnectAsync(Socket socket, EndPoint end) => socket.ConnectAsync(end);</c>: a member of the type that
        /// connects the socket its caller passes. A caller that calls it and then hands the socket on is like one that connects
        /// itself (<see cref="HelperConnectBefore"/>).
        /// </summary>
        private void RecordConnectingHelper(OperationAnalysisContext context, IInvocationOperation connect)
        {
            if (BufferSettingFinder.Unwrap(connect.Instance!) is IParameterReferenceOperation { Parameter: var parameter }
                && context.ContainingSymbol is IMethodSymbol method
                && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
            {
                _connectingHelpers.Enqueue((method.OriginalDefinition, parameter.Ordinal));
            }
        }

        /// <summary>
        /// A call of one of the type's connecting helpers on the socket that comes before <paramref name="call"/> on a path the
        /// code can take: textually earlier, in the same block as the call or in one that encloses it, outside any lambda.
        /// Asked at the type's end at the earliest (when the helpers are all known), and only where the body has no connect call
        /// of its own on the socket.
        /// </summary>
        private IInvocationOperation? HelperConnectBefore(MethodBody body, IOperation call, ISymbol socket)
        {
            if (_connectingHelpers.IsEmpty)
            {
                return null;
            }

            var helpers = _connectingHelpers.ToList();
            foreach (var operation in body.Root.Descendants())
            {
                if (operation is not IInvocationOperation invocation || invocation.Syntax.SpanStart >= call.Syntax.SpanStart)
                {
                    continue;
                }

                var callee = invocation.TargetMethod.OriginalDefinition;
                foreach (var (helper, ordinal) in helpers)
                {
                    if (SymbolEqualityComparer.Default.Equals(helper, callee)
                        && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal) is { } argument
                        && SymbolEqualityComparer.Default.Equals(_bodyResolver.RootSymbol(argument.Value), socket)
                        && RunsBefore(invocation, call))
                    {
                        return invocation;
                    }
                }
            }

            return null;
        }

        /// <summary>The statement of <paramref name="first"/> precedes the one holding <paramref name="later"/> in a block both sit in, and no lambda or local function lies between.</summary>
        private static bool RunsBefore(IOperation first, IOperation later)
        {
            var ancestors = new HashSet<IOperation>();
            for (var current = later.Parent; current != null; current = current.Parent)
            {
                ancestors.Add(current);
            }

            for (var current = first.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }

                if (ancestors.Contains(current))
                {
                    return current is IBlockOperation;
                }
            }

            return false;
        }

        private void OnCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (_session.Symbols.Catalog.HasConstructionForms && creation.Constructor is { } created && _session.Symbols.Catalog.RolesOf(created) is { } roles)
            {
                _session.LibraryDefaults.Observe(creation, roles);
                foreach (var match in _session.Finder.FromCreation(creation, roles.Forms))
                {
                    Collect(context, match);
                }
            }

            if (creation.Constructor is { } constructor && !creation.Arguments.IsEmpty && !SocketSymbols.IsFromMetadata(constructor))
            {
                RecordArguments(context, constructor, creation, creation.Arguments);
            }
        }

        /// <summary>A property getter that returns a size: the join follows reads of the property to what it returns.</summary>
        private void OnReturn(OperationAnalysisContext context)
        {
            if (context.Operation is not IReturnOperation { ReturnedValue: { Type: { } returnedType } returned } || context.ContainingSymbol is not IMethodSymbol method)
            {
                return;
            }

            // The returned value, converted to the return type, is asked first, and by the fewest questions: most values are of a
            // special type (bool, string, int), and of the rest the name tells sizes (int?), sockets and tasks from everything else.
            // The member's own types are read (each a new object where nullable annotations are on) only for a size or a socket.
            var special = returnedType.SpecialType;
            if (special != SpecialType.None)
            {
                if (FlowFacts.IsSizeSpecialType(special))
                {
                    RecordGetter(method, returned);
                }

                return;
            }

            var name = returnedType.Name;
            if (name == "Nullable")
            {
                if (FlowFacts.IsSizeType(returnedType))
                {
                    RecordGetter(method, returned);
                }
            }
            else if ((SocketSymbols.IsHolderName(name) ? _session.Symbols.IsSocketHolder(returnedType) : name is "Task" or "ValueTask" && _session.Symbols.IsSocketHolder(TaskResult(returnedType)))
                && (_session.Symbols.IsSocketHolder(method.ReturnType) || _session.Symbols.IsSocketHolder(TaskResult(method.ReturnType))))
            {
                // A factory (an async one returns a socket for its Task<Socket>): a field assigned from it holds what it returns.
                _socketReturns.Enqueue((method.OriginalDefinition, returned));
            }
        }

        /// <summary>
        /// A size returned by a property's getter. The value is converted to the property's type already, so its size type is
        /// the property's (the property's own Type would be a new object per call where nullable annotations are on: half the
        /// cost of all returns in code with many int properties).
        /// </summary>
        private void RecordGetter(IMethodSymbol method, IOperation returned)
        {
            if (method is { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: IPropertySymbol property })
            {
                _getters.Enqueue(new GetterRecord(property, returned));
            }
        }

        /// <summary>
        /// The socket arguments of a call to a member of this compilation, and the call itself if it passes a size, for the join.
        /// Only a socket argument makes the callback ask whether the callee is this compilation's and which parameter it goes
        /// to; a size argument is resolved only if the join asks about the callee (<see cref="CallIndex"/>).
        /// </summary>
        private void RecordArguments(OperationAnalysisContext context, IMethodSymbol method, IOperation call, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            var passesSize = false;
            bool? own = null;
            foreach (var argument in arguments)
            {
                // The argument's value is converted to the parameter's type: its type is the operation's own (the parameter's
                // Type would make a new object per call where nullable annotations are on).
                var role = _session.Symbols.RoleOf(argument.Value.Type);
                if (role == ValueRole.Size)
                {
                    passesSize = true;
                }
                else if (role == ValueRole.Socket && argument.Parameter is { } parameter)
                {
                    own ??= _session.Symbols.IsOwn(method);
                    if (own == false)
                    {
                        return;
                    }

                    RecordArgument(context, parameter, call, argument.Value, isSize: false);
                }
            }

            if (passesSize)
            {
                // (A creation, like a call through this(…) or base(…), is filed under its constructor's type's name.)
                _sizedCalls.Enqueue(new SizedCallRecord(SizedCallRecord.NameOf(method), call, context.ContainingSymbol));
            }
        }

        private void RecordArgument(OperationAnalysisContext context, IParameterSymbol parameter, IOperation call, IOperation value, bool isSize)
        {
            var caller = context.ContainingSymbol;
            if (isSize)
            {
                // Kept as it is, handed on at the type's end: described only if the join reaches this parameter.
                _sizeArguments.Enqueue(new SizeArgumentRecord(parameter, call, value, caller));
                return;
            }

            // A socket argument: its origin waits for the type's end (fields); whether it may be connected at the call, for the join.
            System.Func<string?>? connectedBy = null;
            if (_bodyResolver.RootSymbol(value) is { } socket)
            {
                var body = _bodies.For(call);
                var resolver = _bodyResolver;
                connectedBy = () => body.FirstConnectOn(socket, resolver) is { } connect
                    ? (body.MayRunAfterConnect(body.Graph, call, socket, resolver) ? connect.TargetMethod.Name + " in " + OwnerName(caller) : null)
                    : HelperConnectBefore(body, call, socket) is { } helper ? helper.TargetMethod.Name + " in " + OwnerName(caller) : null;
            }

            _socketArguments.Enqueue(new PendingArgument(parameter, call, value, caller, connectedBy));
        }

        private void OnInitializer(OperationAnalysisContext context)
        {
            // The value is converted to the member's type: its type is the operation's own (no new symbol object), asked once
            // for every member it initializes; most initializers are neither sizes nor sockets.
            var initializer = (ISymbolInitializerOperation)context.Operation;
            var value = initializer.Value;
            var role = _session.Symbols.RoleOf(value.Type);
            if (role == ValueRole.None || (role == ValueRole.Socket && IsNullOrDefault(value)))
            {
                // (`Socket _socket = null;` creates no socket: it does not make the field's kind unknown.)
                return;
            }

            if (initializer is IFieldInitializerOperation field)
            {
                foreach (var member in field.InitializedFields)
                {
                    RecordInitializer(member, member.IsConst, value, role);
                }
            }
            else if (initializer is IPropertyInitializerOperation property)
            {
                foreach (var member in property.InitializedProperties)
                {
                    RecordInitializer(member, isConst: false, value, role);
                }
            }
        }

        private void RecordInitializer(ISymbol member, bool isConst, IOperation value, ValueRole role)
        {
            if (role == ValueRole.Socket)
            {
                _memberWrites.Enqueue((member, value));
            }
            else if (!isConst)
            {
                _sizeWrites.Enqueue(new MemberWriteRecord(member, value, write: null, writer: member));
            }
        }

        /// <summary>What the method body shows about a setting: the constant, the value's source and guard, the connect that may precede it.</summary>
        private void Collect(OperationAnalysisContext context, SetterMatch match)
        {
            var ownerName = OwnerName(context.ContainingSymbol);
            var constant = match.ParsedConstant ?? ConstantFolder.Fold(match.Value, _bodies);
            var source = constant == null ? ValueSource.Of(match.Value, _bodies) : null;
            var guard = constant == null
                ? new Guard(GuardFinder.Strength(match, source, _bodies), GuardAdvice.For(match.Value))
                : Guard.NotNeeded;
            _settings.Enqueue(new PendingSetting(match, ownerName, constant, source, guard, ConnectCallBefore(context, match), ValueExpr.Build(match.Value, _bodies), PlatformBranch.Of(match.Operation, _bodies), context.ContainingSymbol.OriginalDefinition));
        }

        /// <summary>"Connector.Open", "Connector constructor", "Wrapper.ReceiveBufferSize" (a property's accessor names the property).</summary>
        internal static string OwnerName(ISymbol owner) => owner switch
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
            return connect != null && body.MayRunAfterConnect(() => context.GetControlFlowGraph(), match.Operation, socket, _bodyResolver) ? connect : null;
        }

        public void OnEnd(SymbolAnalysisContext context)
        {
            PublishFactories();
            PublishSummaries();
            if (_settings.IsEmpty && _socketArguments.IsEmpty)
            {
                // Most types set no buffer and pass no socket: their records went to the join above (PublishSummaries).
                return;
            }

            // Socket arguments are resolved with the type's fields, now known.
            var resolver = TypeEndResolver();
            var typeFacts = _settings.IsEmpty ? null : new FlowFacts();
            foreach (var argument in _socketArguments)
            {
                var value = argument.Value;
                var socket = resolver.Resolve(value);
                var call = new CallArgument(argument.Parameter, argument.Call, value, argument.Caller, null, socket, argument.ConnectedBy, socket.Pending ? () => LateOrNull(value) : null);
                _session.Flow.AddArgument(call);
                typeFacts?.AddArgument(call);
            }

            if (typeFacts == null)
            {
                return;
            }

            var sizeArguments = new List<CallArgument>();
            foreach (var record in _sizeArguments)
            {
                sizeArguments.Add(record.ToArgument(_bodies));
            }

            foreach (var record in _sizedCalls)
            {
                record.AddArguments(_session.Symbols, _bodies, sizeArguments);
            }

            foreach (var argument in sizeArguments)
            {
                _session.Flow.AddArgument(argument);
                typeFacts.AddArgument(argument);
            }

            foreach (var pending in _settings)
            {
                var match = pending.Match;

                // A library knob sets the library's own sockets: TCP connections unless the code shows otherwise (NetMQ's endpoints).
                var origin = match.Form.ReceiverIsSocket ? resolver.Resolve(match.Receiver)
                    : match.Form.KindFromEndpoint ? _bodies.For(match.Operation).Endpoints(_session.Symbols.Catalog, _bodyResolver).KindOf(match, _bodyResolver) : SocketOrigin.Unknown;
                if (origin is not { } knobOrigin)
                {
                    // Every endpoint of the knob's socket is in-process (NetMQ inproc://): no kernel socket, no buffer.
                    continue;
                }

                var socketRoot = match.Form.ReceiverIsSocket && match.Receiver != null ? _bodyResolver.RootSymbol(match.Receiver) : null;
                var connectedIn = match.Form.Side == BufferSide.Receive && pending.ConnectCall == null && socketRoot is IFieldSymbol or IPropertySymbol
                    ? ConnectedBeforeCall(pending.Member, socketRoot!.OriginalDefinition)
                    : null;
                var setting = new BufferSetting(match, pending.Owner, pending.Constant, pending.Source, pending.Guard, knobOrigin, pending.ConnectCall, connectedIn: connectedIn, platform: pending.Platform);
                _session.LibraryDefaults.RecordSetting(setting);
                if (match.Form.Side == BufferSide.Receive && !setting.ConnectionExists && socketRoot != null
                    && !(pending.Constant == null && pending.Expr.Kind == ValueExprKind.Parameter))
                {
                    // (A forwarder's timing belongs to the object at each call, not to every socket the field may hold.)
                    // A field set from a constructor or method parameter: whether its callers pass an accepted or connected socket waits for compilation end.
                    foreach (var (member, parameter) in _memberFromParameter)
                    {
                        if (SymbolEqualityComparer.Default.Equals(member, socketRoot.OriginalDefinition))
                        {
                            _session.Flow.Deferred.Enqueue(new DeferredSetting(setting, pending.Expr, null, parameter, timingOnly: true));
                        }
                    }
                }

                // A value or socket that is a parameter of the enclosing member is decided by its callers, at compilation end.
                var valueParameter = pending.Constant == null && pending.Expr.Kind == ValueExprKind.Parameter ? MemberParameter(pending.Expr.Symbol) ?? StoredLambdaParameter(pending.Expr.Symbol, match.Operation) : null;
                var socketParameter = match.Form.ReceiverIsSocket && match.Receiver != null ? MemberParameter(_bodyResolver.RootSymbol(match.Receiver)) : null;
                if (valueParameter == null && socketParameter != null && !IsPrivate(socketParameter) && !IsOverrideParameter(socketParameter))
                {
                    // A public member's socket parameter: its callers may be in other compilations, so it is judged live as
                    // unknown; only whether a caller of this compilation connects it first waits for compilation end.
                    if (match.Form.Side == BufferSide.Receive)
                    {
                        _session.Flow.Deferred.Enqueue(new DeferredSetting(setting, pending.Expr, null, socketParameter, timingOnly: true));
                    }

                    socketParameter = null;
                }

                var lateOrigin = knobOrigin.Pending ? LateOrigin(match.Receiver!) : null;
                if (valueParameter != null || socketParameter != null || lateOrigin != null)
                {
                    var deferred = new DeferredSetting(setting, pending.Expr, valueParameter, socketParameter, lateOrigin: lateOrigin);
                    var inType = lateOrigin == null && (valueParameter ?? socketParameter) is { } decided && IsPrivate(decided);
                    if (inType
                        && !typeFacts.ArgumentsOf(valueParameter ?? socketParameter!).Any(a => a.Expr?.Kind == ValueExprKind.Parameter)
                        && (socketParameter == null || !PassesPending(typeFacts, socketParameter, new HashSet<ISymbol>(SymbolEqualityComparer.Default))))
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

        private SocketOriginResolver TypeEndResolver()
        {
            // A factory of another type is not known yet: what it decides waits for compilation end.
            var origins = MemberOrigins(PendingIfFactoryOfOtherType, _ => SocketOrigin.FromOtherType);
            return new SocketOriginResolver(_session.Symbols, _bodies, member => origins.TryGetValue(member, out var origin) ? origin : PendingIfFactoryOfOtherType(member));
        }

        /// <summary>
        /// At compilation end: the same resolution with every type's factories known. Built once; asked again while it is being
        /// built (factories of two types returning each other's sockets), it builds another, and the factory table stops the cycle.
        /// </summary>
        private (Dictionary<ISymbol, SocketOrigin> Origins, SocketOriginResolver Resolver) Late()
        {
            // On the scope itself, which only this analysis holds (a gate object per type would cost every type an allocation).
            lock (this)
            {
                if (_late is { } known)
                {
                    return known;
                }

                var cached = !_lateInProgress;
                _lateInProgress = true;
                var factories = _session.Flow.Factories;
                System.Func<ISymbol, SocketOrigin> otherTypes = member => IsFactoryOfOtherType(member) ? factories.OriginOf(member) : SocketOrigin.Unknown;
                var origins = MemberOrigins(otherTypes, parameter => new SocketOrigin(_session.Flow.KindPassed(parameter), OriginKind.Unknown));
                var late = (origins, new SocketOriginResolver(_session.Symbols, _bodies, member => origins.TryGetValue(member, out var origin) ? origin : otherTypes(member)));
                if (cached)
                {
                    _late = late;
                    _lateInProgress = false;
                }

                return late;
            }
        }

        private SocketOriginResolver LateResolver() => Late().Resolver;

        /// <summary>A socket another type decides, resolved once every type has handed its facts on; null before.</summary>
        private SocketOrigin? LateOrNull(IOperation socket) => _session.Flow.AtCompilationEnd ? LateResolver().Resolve(socket) : null;

        /// <summary>Whether the sockets passed for a private member's parameter (through the type's callers that pass theirs on) wait for another type.</summary>
        private static bool PassesPending(FlowFacts typeFacts, IParameterSymbol parameter, HashSet<ISymbol> visited)
        {
            if (!visited.Add(parameter.OriginalDefinition))
            {
                return false;
            }

            foreach (var argument in typeFacts.ArgumentsOf(parameter))
            {
                if (argument.SocketPending
                    || (BufferSettingFinder.Unwrap(argument.Value) is IParameterReferenceOperation { Parameter: var outer } && PassesPending(typeFacts, outer, visited)))
                {
                    return true;
                }
            }

            return false;
        }

        private System.Func<SocketOrigin> LateOrigin(IOperation receiver) => () => LateResolver().Resolve(receiver);

        /// <summary>
        /// What the type's callbacks recorded for the compilation-end join, in one summary: writes of sizes to members, getters
        /// that return sizes, and the size arguments of its calls (those of a type with settings are described at its end, below,
        /// and handed on then, so that the type's own decisions and the join share each description).
        /// </summary>
        private void PublishSummaries()
        {
            // (A type that recorded nothing hands nothing on, and makes no method bodies for it.)
            var writes = _sizeWrites.Detach();
            var getters = _getters.Detach();
            var arguments = _settings.IsEmpty ? _sizeArguments.Detach() : null;
            var calls = _settings.IsEmpty ? _sizedCalls.Detach() : null;
            if (writes != null || getters != null || arguments != null || calls != null)
            {
                _session.Flow.AddSummary(new TypeSummary(_bodies, _session.Symbols, writes, getters, arguments, calls));
            }
        }

        /// <summary>The type's factories, for settings in other types whose socket one of them returns (resolved only if asked).</summary>
        private void PublishFactories()
        {
            if (_socketReturns.IsEmpty)
            {
                return;
            }

            foreach (var (method, _) in _socketReturns)
            {
                var factory = method;
                _session.Flow.Factories.Add(factory, () => Late().Origins.TryGetValue(factory, out var origin) ? origin : SocketOrigin.Unknown);
            }
        }

        private SocketOrigin PendingIfFactoryOfOtherType(ISymbol member) => IsFactoryOfOtherType(member) ? SocketOrigin.FromOtherType : SocketOrigin.Unknown;

        /// <summary>A method of another type of this compilation that returns a socket (or a task of one).</summary>
        private bool IsFactoryOfOtherType(ISymbol member) => member is IMethodSymbol method
            && !SymbolEqualityComparer.Default.Equals(method.ContainingType, _type)
            && (_session.Symbols.IsSocketHolder(method.ReturnType) || _session.Symbols.IsSocketHolder(TaskResult(method.ReturnType)))
            && _session.Symbols.IsOwn(method);

        /// <summary>A parameter of an override: its calls are those of the virtual it overrides too, in any type (decided at compilation end).</summary>
        private static bool IsOverrideParameter(IParameterSymbol parameter) => parameter.ContainingSymbol is IMethodSymbol { IsOverride: true };

        /// <summary>A parameter of a private member, a local function or a lambda stored in a local: all its calls are in this type.</summary>
        private static bool IsPrivate(IParameterSymbol parameter) => parameter.ContainingSymbol is IMethodSymbol method
            && (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction || method.DeclaredAccessibility == Accessibility.Private
                || (method.AssociatedSymbol is { DeclaredAccessibility: Accessibility.Private }));

        /// <summary>A parameter of a method, constructor, accessor or local function (a lambda's callers are not visible).</summary>
        private static IParameterSymbol? MemberParameter(ISymbol? symbol) =>
            symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } } parameter ? parameter : null;

        /// <summary>The T of a Task&lt;T&gt; or ValueTask&lt;T&gt; (the name first: type arguments are a new array per call).</summary>
        private static ITypeSymbol? TaskResult(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: true } task && task.TypeArguments is { Length: 1 } arguments ? arguments[0] : null;

        /// <summary>
        /// A field or property of the type is of a proven kind when every socket the type writes to it (initializers,
        /// constructors, methods; null aside) is; a factory method of the type is of the kind of every socket it returns.
        /// </summary>
        /// <param name="otherTypes">What a member of another type (a factory) is known to be, now.</param>
        /// <param name="passed">
        /// The socket a member stores from a parameter of a method or constructor (<c>_socket = socket</c>): decided by the calls,
        /// at compilation end, and then only its kind (whether the callers pass accepted or connected sockets is the timing join's, <see cref="_memberFromParameter"/>).
        /// </param>
        private Dictionary<ISymbol, SocketOrigin> MemberOrigins(System.Func<ISymbol, SocketOrigin> otherTypes, System.Func<IParameterSymbol, SocketOrigin> passed)
        {
            var origins = new Dictionary<ISymbol, SocketOrigin>(SymbolEqualityComparer.Default);
            if (!_socketReturns.IsEmpty)
            {
                // A factory that returns another factory's socket (`CreateV4() => Create(false)`) is followed, cycles stopped.
                var returned = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
                foreach (var (method, value) in _socketReturns)
                {
                    if (!returned.TryGetValue(method, out var values))
                    {
                        values = new List<IOperation>();
                        returned[method] = values;
                    }

                    values.Add(value);
                }

                var inProgress = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                SocketOriginResolver? returns = null;
                SocketOrigin ReturnOf(ISymbol method)
                {
                    if (origins.TryGetValue(method, out var known))
                    {
                        return known;
                    }

                    if (!returned.TryGetValue(method, out var values))
                    {
                        return otherTypes(method);
                    }

                    if (!inProgress.Add(method))
                    {
                        return SocketOrigin.Unknown;
                    }

                    SocketOrigin? merged = null;
                    foreach (var value in values)
                    {
                        var origin = returns!.Resolve(value);
                        merged = merged?.Merge(origin) ?? origin;
                    }

                    origins[method] = merged!.Value;
                    return merged.Value;
                }

                returns = new SocketOriginResolver(_session.Symbols, _bodies, ReturnOf);
                foreach (var method in returned.Keys)
                {
                    ReturnOf(method);
                }
            }

            var factories = new SocketOriginResolver(_session.Symbols, _bodies, member => origins.TryGetValue(member, out var origin) ? origin : otherTypes(member));
            foreach (var (member, value) in _memberWrites)
            {
                var origin = StoredParameter(value) is { } parameter ? passed(parameter) : factories.Resolve(value);
                origins[member] = origins.TryGetValue(member, out var previous) ? previous.Merge(origin) : origin;
            }

            return origins;
        }

        /// <summary>A plain write of a size or a socket (<paramref name="role"/>) to a field or property; an indexer is no member.</summary>
        private void RecordMemberWrite(IAssignmentOperation assignment, ValueRole role, ISymbol writer)
        {
            // (An indexer is told by its arguments: its Parameters is a new array per call.)
            var member = assignment.Target switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                IPropertyReferenceOperation property when property.Arguments.IsEmpty => property.Property,
                _ => null,
            };
            if (member == null)
            {
                return;
            }

            if (role == ValueRole.Size)
            {
                // Any size written to any field or property: the join follows members to the constants written to them.
                _sizeWrites.Enqueue(new MemberWriteRecord(member, assignment.Value, assignment, writer));
                return;
            }

            // Clearing a field (null, default) on dispose does not change what kind of socket it holds.
            if (IsNullOrDefault(assignment.Value))
            {
                return;
            }

            var value = BufferSettingFinder.Unwrap(assignment.Value);

            if (value is ICoalesceOperation checkedForNull && BufferSettingFinder.Unwrap(checkedForNull.WhenNull) is IThrowOperation)
            {
                // _socket = socket ?? throw new ArgumentNullException(…)
                value = BufferSettingFinder.Unwrap(checkedForNull.Value);
            }

            if (value is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } } parameter })
            {
                // A session that stores the socket it is given: its callers decide whether that socket was accepted or connected.
                _memberFromParameter.Enqueue((member.OriginalDefinition, parameter));
            }

            _memberWrites.Enqueue((member, assignment.Value));
        }

        /// <summary>The parameter of a method or constructor a member write stores (<c>_socket = socket ?? throw …</c>), or null.</summary>
        private static IParameterSymbol? StoredParameter(IOperation value)
        {
            value = BufferSettingFinder.Unwrap(value);
            if (value is ICoalesceOperation checkedForNull && BufferSettingFinder.Unwrap(checkedForNull.WhenNull) is IThrowOperation)
            {
                value = BufferSettingFinder.Unwrap(checkedForNull.Value);
            }

            return value is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } } parameter } ? parameter : null;
        }

        /// <summary><c>null</c>, <c>null!</c>, <c>default</c>, <c>default(Socket)</c>: no socket at all.</summary>
        private static bool IsNullOrDefault(IOperation value)
        {
            value = BufferSettingFinder.Unwrap(value);
            while (value is IConversionOperation conversion)
            {
                value = BufferSettingFinder.Unwrap(conversion.Operand);
            }

            return value is IDefaultValueOperation || (value.ConstantValue.HasValue && value.ConstantValue.Value == null);
        }

        /// <summary>What a method body showed about a setting, waiting for the type's end (when field kinds are known).</summary>
        private sealed class PendingSetting
        {
            public PendingSetting(SetterMatch match, string owner, long? constant, ISymbol? source, Guard guard, IInvocationOperation? connectCall, ValueExpr expr, TargetOs? platform, ISymbol member)
            {
                Member = member;
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

            /// <summary>The method (or accessor) that holds the setting.</summary>
            public ISymbol Member { get; }
        }

        /// <summary>A socket argument waiting for the type's end, when the kinds of the type's fields are known.</summary>
        private sealed class PendingArgument
        {
            public PendingArgument(IParameterSymbol parameter, IOperation call, IOperation value, ISymbol caller, System.Func<string?>? connectedBy)
            {
                Parameter = parameter;
                Call = call;
                Value = value;
                Caller = caller;
                ConnectedBy = connectedBy;
            }

            public IParameterSymbol Parameter { get; }

            public IOperation Call { get; }

            public IOperation Value { get; }

            public ISymbol Caller { get; }

            public System.Func<string?>? ConnectedBy { get; }
        }
    }
}
