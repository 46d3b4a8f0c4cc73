using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Rules;
using RuleSet = SocketBufferAnalyzers.Rules.RuleSet;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>
    /// The compilation-end join of the member summaries (docs/rules/README.md, "Across methods and types"): each call of a
    /// forwarder is a setting in its own right at its argument (constants through chains of any depth, cycles stopped,
    /// configured values at the outermost call); a socket parameter takes the kind and origin of the sockets its callers
    /// pass, and a receive setting on it follows the callers' connections; constants that reach a setting as defaults
    /// (initializers, constructor writes, parameter defaults, getters) are handed to SOCK007.
    /// </summary>
    internal sealed class CrossMethodJoin
    {
        // Chains of any real depth; cycles are stopped by the visited sets, this only bounds the recursion.
        private const int MaxDepth = 256;

        private readonly AnalysisSession _session;
        private readonly FlowFacts _facts;
        private readonly System.Action<Diagnostic> _report;
        private readonly System.Threading.CancellationToken _cancellationToken;
        private readonly List<DefaultReach> _defaults = new();
        private readonly List<ChosenReach> _chosen = new();

        private CrossMethodJoin(AnalysisSession session, FlowFacts facts, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            _session = session;
            _facts = facts;
            _report = report;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Compilation end: every deferred setting with every call of the compilation, then the defaults (SOCK007).</summary>
        public static void Report(CompilationAnalysisContext context, AnalysisSession session)
        {
            var join = new CrossMethodJoin(session, session.Flow, context.ReportDiagnostic, context.CancellationToken);
            foreach (var deferred in session.Flow.Deferred.OrderBy(d => d.Setting.Operation.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(d => d.Setting.Operation.Syntax.SpanStart))
            {
                join.Decide(deferred);
            }

            foreach (var reach in session.Flow.Reaches)
            {
                join.Defaults(reach.Expr, reach.Setting, reach.Chain, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);
            }

            session.Defaults.Report(context, session, join._defaults);
            join.ReportChosen();
        }

        /// <summary>
        /// A type's end: a setting in a private member, whose callers are all in the type, is decided with the type's own
        /// calls and reported live. Its defaults still wait for compilation end (other types may write the members it reads).
        /// </summary>
        public static void ReportInType(AnalysisSession session, FlowFacts typeFacts, DeferredSetting deferred, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            var join = new CrossMethodJoin(session, typeFacts, report, cancellationToken);
            join.Decide(deferred, withDefaults: false);
            session.Flow.Reaches.Enqueue((deferred.Setting, deferred.Expr, ImmutableStack<ValueExpr>.Empty));
        }

        private void Decide(DeferredSetting deferred, bool withDefaults = true)
        {
            var setting = deferred.Resolved;
            var (origin, connectedBy) = deferred.SocketParameter is { } socketParameter ? CallerSockets(socketParameter, setting.Origin) : (setting.Origin, null);
            var joined = setting.With(origin, connectedBy);
            var input = new RuleInput(joined, _session.SettingsFor(setting.Operation.Syntax.SyntaxTree, setting.Platform), _session.Cache);
            if (deferred.TimingOnly)
            {
                // Judged live already; a caller that connects first adds SOCK004 (unless the member's own connect call did).
                if (setting.ConnectCall == null && !setting.ConnectionExists && ReceiveBufferAfterConnectRule.Check(input) is { } late)
                {
                    _report(late);
                }

                return;
            }

            if (deferred.ValueParameter == null)
            {
                // The value is the member's own; only the socket came from the callers.
                Report(RuleSet.Decide(input));
                if (withDefaults)
                {
                    Defaults(deferred.Expr, joined, ImmutableStack<ValueExpr>.Empty, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);
                }

                return;
            }

            // A forwarder's own setting is plumbing: only its timing is its own.
            if (ReceiveBufferAfterConnectRule.Check(input) is { } afterConnect)
            {
                _report(afterConnect);
            }

            Forward(deferred, joined, deferred.ValueParameter, ImmutableStack.Create(deferred.Expr), setting.Guard.Strength, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);
        }

        /// <summary>Every call of the forwarder: a setting at its argument, or onward to the caller's own callers.</summary>
        private void Forward(DeferredSetting deferred, BufferSetting forwarder, IParameterSymbol parameter, ImmutableStack<ValueExpr> chain, GuardStrength guard, HashSet<ISymbol> visited, int depth)
        {
            if (depth > MaxDepth || !visited.Add(parameter.OriginalDefinition))
            {
                return;
            }

            DefaultOf(parameter, forwarder, chain);
            foreach (var argument in _facts.ArgumentsOf(parameter).OrderBy(a => a.Call.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(a => a.Call.Syntax.SpanStart))
            {
                var expr = argument.Expr;
                if (expr == null)
                {
                    continue;
                }

                if (expr.Kind == ValueExprKind.Parameter && expr.Symbol is IParameterSymbol outer)
                {
                    // A chain continues outward; a caller that is never called itself is public API: silent.
                    if (IsCalledMember(outer))
                    {
                        Forward(deferred, forwarder, outer, chain.Push(expr), Max(guard, argument.Guard), visited, depth + 1);
                    }

                    continue;
                }

                var socket = depth == 0 && deferred.SocketParameter != null ? SocketAt(argument.Call, deferred.SocketParameter) : forwarder.Origin;
                long? constant = expr.Kind == ValueExprKind.Constant ? Through(chain.Push(expr), expr.ConstantValue) : null;
                if (constant is long value && guard == GuardStrength.ExcludesZero && value <= 0)
                {
                    // if (value > 0) inside the forwarder: this constant never reaches the socket.
                    continue;
                }

                var strength = Max(guard, argument.Guard);
                var atCall = new BufferSetting(
                    new SetterMatch(argument.Call, forwarder.Form, argument.Value, receiver: null, isInitializerMember: false, compoundOperator: null),
                    argument.Caller,
                    constant,
                    argument.Source,
                    new Guard(strength, GuardAdvice.For(argument.Value)),
                    socket,
                    connectCall: null,
                    via: forwarder.Owner,
                    platform: forwarder.Platform);
                var input = new RuleInput(atCall, _session.SettingsFor(argument.Call.Syntax.SyntaxTree, forwarder.Platform), _session.Cache);
                foreach (var diagnostic in RuleSet.Decide(input))
                {
                    if (diagnostic.Id != Descriptors.SOCK004_ReceiveBufferAfterConnect.Id)
                    {
                        _report(diagnostic);
                    }
                }

                if (expr.Kind == ValueExprKind.Member)
                {
                    // A configured member passed to the forwarder: its defaults reach the socket through this call.
                    _session.Flow.Reaches.Enqueue((atCall, expr, chain));
                }
            }
        }

        /// <summary>Constants that reach a setting without anyone choosing them: member initializers and writes, parameter defaults, getters.</summary>
        /// <param name="throughMember">
        /// The value was stored in a member on its way (<c>_size = size</c>): constants passed for a parameter are then the
        /// member's defaults or its callers' settings. Without a member in between, a parameter is a forwarder's, whose calls
        /// <see cref="Forward"/> judges.
        /// </param>
        private void Defaults(ValueExpr expr, BufferSetting setting, ImmutableStack<ValueExpr> chain, HashSet<ISymbol> visited, int depth, bool throughMember = false)
        {
            if (depth > MaxDepth || expr.Symbol == null || !visited.Add(expr.Symbol.OriginalDefinition))
            {
                return;
            }

            chain = chain.Push(expr);
            if (expr.Kind == ValueExprKind.Parameter && expr.Symbol is IParameterSymbol parameter)
            {
                DefaultOf(parameter, setting, chain);
                foreach (var argument in _facts.ArgumentsOf(parameter))
                {
                    if (argument.Expr is { Kind: ValueExprKind.Parameter or ValueExprKind.Member } onward)
                    {
                        Defaults(onward, setting, chain, visited, depth + 1, throughMember);
                    }
                    else if (throughMember && !argument.Value.IsImplicit && argument.Constant is long constant)
                    {
                        // (An omitted optional argument is the parameter's default, found above.)
                        // A constant passed where defaults are shipped (this(8192), base(…), a constructor, a static
                        // factory) is a default; passed anywhere else it is the caller's own setting through the parameter.
                        var type = (parameter.ContainingSymbol as IMethodSymbol)?.ContainingType;
                        if (FlowFacts.ShipsDefaults(argument.CallerSymbol, type))
                        {
                            AddDefault(parameter.Name, ValueExpr.Constant(constant, argument.Value.Syntax.GetLocation()), setting, chain);
                        }
                        else if (!IsCatalogCall(argument.Call))
                        {
                            AddChosen(argument.Call, argument.Value, constant, argument.CallerSymbol, TypeScope.OwnerName(parameter.ContainingSymbol), setting, chain);
                        }
                    }
                }

                return;
            }

            if (expr.Kind != ValueExprKind.Member)
            {
                return;
            }

            if (_facts.GetterOf(expr.Symbol) is { } getter)
            {
                Defaults(getter, setting, chain, visited, depth + 1, throughMember: true);
            }

            foreach (var write in _facts.WritesOf(expr.Symbol))
            {
                if (write.ShipsDefault(expr.Symbol))
                {
                    if (write.Expr.Kind == ValueExprKind.Constant)
                    {
                        AddDefault(expr.Symbol.Name, write.Expr, setting, chain);
                    }
                    else
                    {
                        Defaults(write.Expr, setting, chain, visited, depth + 1, throughMember: true);
                    }
                }
                else if (ValueExpr.Fold(write.Value.Operation, write.Value.Bodies) is long constant)
                {
                    // options.ReceiveBufferSize = 2048 in a method or a configuration lambda, new Options { … = 2 }: the
                    // author's own setting through the member, judged as if set on the socket (unless the catalog already
                    // knows the member as a knob and judged the write itself).
                    if (write.Write is IAssignmentOperation assignment && !_session.Finder.FromAssignment(assignment).Any())
                    {
                        AddChosen(assignment, BufferSettingFinder.Unwrap(assignment.Value), constant, write.Writer, MemberName(expr.Symbol), setting, chain);
                    }
                }
                else
                {
                    Defaults(write.Expr, setting, chain, visited, depth + 1, throughMember: true);
                }
            }
        }

        private static string MemberName(ISymbol member) => member.ContainingType?.Name + "." + member.Name;

        private bool IsCatalogCall(IOperation call) => call switch
        {
            IInvocationOperation invocation => !_session.Symbols.Catalog.FormsOfCall(invocation.TargetMethod).IsEmpty,
            IObjectCreationOperation { Constructor: { } constructor } => !_session.Symbols.Catalog.FormsOfCall(constructor).IsEmpty,
            _ => false,
        };

        /// <summary>A constant its author chose that reaches a setting through a member or a parameter: judged at compilation end as a setting at the constant.</summary>
        private void AddChosen(IOperation operation, IOperation value, long constant, ISymbol writer, string via, BufferSetting setting, ImmutableStack<ValueExpr> chain)
        {
            if (Through(chain, constant) is not long reaching || (reaching <= 0 && setting.Guard.Strength == GuardStrength.ExcludesZero))
            {
                // if (size > 0) around the setting: a 0 written to the option never reaches the socket.
                return;
            }

            _chosen.Add(new ChosenReach(operation, value, reaching, writer, via, setting));
        }

        /// <summary>Each chosen constant once per id, for the first setting it reaches in a total order (path, position, side), as SOCK007 does for defaults.</summary>
        private void ReportChosen()
        {
            var byConstant = _chosen
                .GroupBy(c => (c.Value.Syntax.SyntaxTree, c.Value.Syntax.Span))
                .OrderBy(g => g.Key.SyntaxTree.FilePath, System.StringComparer.Ordinal)
                .ThenBy(g => g.Key.Span.Start);
            foreach (var group in byConstant)
            {
                var reported = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var chosen in group
                    .OrderBy(c => c.Setting.Operation.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(c => c.Setting.Operation.Syntax.SpanStart)
                    .ThenBy(c => c.Setting.Side))
                {
                    var reached = chosen.Setting;
                    var atWrite = new BufferSetting(
                        new SetterMatch(chosen.Operation, reached.Form, chosen.Value, receiver: null, isInitializerMember: false, compoundOperator: null),
                        TypeScope.OwnerName(chosen.Writer),
                        chosen.Constant,
                        source: null,
                        Guard.NotNeeded,
                        reached.Origin,
                        connectCall: null,
                        via: chosen.Via,
                        platform: reached.Platform);
                    var input = new RuleInput(atWrite, _session.SettingsFor(chosen.Value.Syntax.SyntaxTree, reached.Platform), _session.Cache);
                    foreach (var diagnostic in RuleSet.Decide(input))
                    {
                        // The timing is the setting's own (reported there); each id once at the constant.
                        if (diagnostic.Id != Descriptors.SOCK004_ReceiveBufferAfterConnect.Id && reported.Add(diagnostic.Id))
                        {
                            _report(diagnostic);
                        }
                    }
                }
            }
        }

        private void DefaultOf(IParameterSymbol parameter, BufferSetting setting, ImmutableStack<ValueExpr> chain)
        {
            if (!parameter.HasExplicitDefaultValue || ConstantFolder.AsInt64(new Optional<object?>(parameter.ExplicitDefaultValue)) is not long)
            {
                return;
            }

            foreach (var reference in parameter.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax { Default.Value: { } value })
                {
                    var constant = ConstantFolder.AsInt64(new Optional<object?>(parameter.ExplicitDefaultValue))!.Value;
                    AddDefault(parameter.Name, ValueExpr.Constant(constant, value.GetLocation()), setting, chain);
                    return;
                }
            }
        }

        private void AddDefault(string name, ValueExpr constant, BufferSetting setting, ImmutableStack<ValueExpr> chain)
        {
            if (Through(chain, constant.ConstantValue) is long value)
            {
                _defaults.Add(new DefaultReach(name, constant.Location, value, setting));
            }
        }

        /// <summary>The join of the sockets every call passes for a parameter, and the first connect or accept among them.</summary>
        private (SocketOrigin Origin, string? ConnectedBy) CallerSockets(IParameterSymbol parameter, SocketOrigin own)
        {
            var (joined, connectedBy, acceptedIn) = Passed(parameter, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0);

            // What the member shows itself (udp.Client is UDP whoever passes udp) wins over the callers.
            var callers = joined ?? SocketOrigin.Unknown;
            var origin = own.Origin != OriginKind.Unknown ? own.Origin : callers.Origin;
            if (connectedBy == null && acceptedIn != null && origin is OriginKind.Unknown or OriginKind.Accepted)
            {
                // A stream socket that some caller accepted (another may pass a fresh one): the member may run on a connection
                // that exists already, which is what SOCK004 asks; the message names where the socket was accepted.
                origin = OriginKind.Accepted;
                connectedBy = acceptedIn;
            }

            return (new SocketOrigin(own.Kind != Model.SocketKind.Unknown ? own.Kind : callers.Kind, origin), connectedBy);
        }

        /// <summary>The sockets the calls pass for a parameter; a caller that passes its own parameter on is followed to its callers.</summary>
        /// <returns>
        /// The join; the first caller after whose connect call the socket may be passed ("ConnectAsync in Client.OpenAsync");
        /// and the first that passes a stream socket it accepted ("AcceptAsync in Server.RunAsync"), which the join of a mix of
        /// accepted and fresh sockets would hide.
        /// </returns>
        private (SocketOrigin? Joined, string? ConnectedBy, string? AcceptedIn) Passed(IParameterSymbol parameter, HashSet<ISymbol> visited, int depth)
        {
            SocketOrigin? joined = null;
            string? connectedBy = null;
            string? acceptedIn = null;
            if (depth > MaxDepth || !visited.Add(parameter.OriginalDefinition))
            {
                return (null, null, null);
            }

            foreach (var argument in _facts.SocketArgumentsOf(parameter).OrderBy(a => a.Call.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(a => a.Call.Syntax.SpanStart))
            {
                var socket = argument.Socket;
                if (socket.Origin == OriginKind.Unknown && BufferSettingFinder.Unwrap(argument.Value) is Microsoft.CodeAnalysis.Operations.IParameterReferenceOperation { Parameter: var outer }
                    && Passed(outer, visited, depth + 1) is { Joined: { } further } onward)
                {
                    socket = new SocketOrigin(socket.Kind != Model.SocketKind.Unknown ? socket.Kind : further.Kind, further.Origin);
                    connectedBy ??= onward.ConnectedBy;
                    if (socket.Kind is Model.SocketKind.Tcp or Model.SocketKind.Unknown)
                    {
                        acceptedIn ??= onward.AcceptedIn;
                    }
                }

                joined = joined?.Merge(socket) ?? socket;
                if (socket.Kind is Model.SocketKind.Tcp or Model.SocketKind.Unknown)
                {
                    // Only a stream socket's connection matters (SOCK004), and finding it builds the caller's control-flow graph.
                    connectedBy ??= argument.ConnectedBy;
                    if (socket.Origin == OriginKind.Accepted)
                    {
                        acceptedIn ??= AcceptCallName(argument.Value) + " in " + argument.Caller;
                    }
                }
            }

            return (joined, connectedBy, acceptedIn);
        }

        /// <summary>
        /// The accept member that made a socket argument (<c>AcceptTcpClientAsync</c> for <c>Tune(await listener.AcceptTcpClientAsync())</c>
        /// or for a local one of whose writes is that call), for the message; "Accept" when the socket came from further away
        /// (a field, a handler's property).
        /// </summary>
        private string AcceptCallName(IOperation value) => AcceptCallName(value, new MethodBodies(), 0) ?? "Accept";

        private string? AcceptCallName(IOperation? value, MethodBodies bodies, int depth)
        {
            if (value == null || depth > MaxDepth)
            {
                return null;
            }

            switch (BufferSettingFinder.Unwrap(value))
            {
                case IAwaitOperation awaited:
                    return AcceptCallName(awaited.Operation, bodies, depth + 1);
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                    return AcceptCallName(task, bodies, depth + 1);
                case IInvocationOperation invocation when _session.Symbols.Catalog.IsAccept(invocation.TargetMethod):
                    return invocation.TargetMethod.Name;
                case IPropertyReferenceOperation property when _session.Symbols.Catalog.IsAccept(property.Property):
                    return property.Property.Name;
                case ILocalReferenceOperation local:
                    // (`TcpClient client = null;` before `client = await listener.AcceptTcpClientAsync();`: the write that accepts names it.)
                    foreach (var (_, written) in bodies.For(local).LocalWrites.Of(local.Local))
                    {
                        if (AcceptCallName(written, bodies, depth + 1) is { } name)
                        {
                            return name;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private SocketOrigin SocketAt(Microsoft.CodeAnalysis.IOperation call, IParameterSymbol socketParameter)
        {
            foreach (var argument in _facts.ArgumentsOf(socketParameter))
            {
                if (argument.Call == call)
                {
                    return argument.Socket;
                }
            }

            return SocketOrigin.Unknown;
        }

        /// <summary>A parameter whose member has callers in the compilation, or a default: otherwise the value comes from outside (public API).</summary>
        private bool IsCalledMember(IParameterSymbol parameter) => _facts.ArgumentsOf(parameter).Any() || parameter.HasExplicitDefaultValue;

        /// <summary>A constant carried outward through each expression's scaling, innermost (the setting's) last.</summary>
        private static long? Through(ImmutableStack<ValueExpr> chain, long constant)
        {
            long? value = constant;
            foreach (var expr in chain)
            {
                if (value is not long current)
                {
                    return null;
                }

                value = expr.Apply(current);
            }

            return value;
        }

        private void Report(IEnumerable<Diagnostic> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
            {
                _report(diagnostic);
            }
        }

        private static GuardStrength Max(GuardStrength a, GuardStrength b) => a > b ? a : b;
    }

    /// <summary>A constant its author wrote to a member or passed to a parameter that reaches a setting: reported with the setting's ids at the constant.</summary>
    internal sealed class ChosenReach
    {
        public ChosenReach(IOperation operation, IOperation value, long constant, ISymbol writer, string via, BufferSetting setting)
        {
            Operation = operation;
            Value = value;
            Constant = constant;
            Writer = writer;
            Via = via;
            Setting = setting;
        }

        /// <summary>The assignment or call that writes the constant.</summary>
        public IOperation Operation { get; }

        /// <summary>The constant as written: the diagnostic sits on it.</summary>
        public IOperation Value { get; }

        /// <summary>The value in the setter's unit, after the scalings on its way.</summary>
        public long Constant { get; }

        public ISymbol Writer { get; }

        /// <summary>The member or method the value goes through ("ClientConfig.ReceiveBufferSize", "Framer constructor").</summary>
        public string Via { get; }

        public BufferSetting Setting { get; }
    }

    /// <summary>A constant nobody chose that reaches a setting: reported by SOCK007 (and SOCK003) at the constant.</summary>
    internal sealed class DefaultReach
    {
        public DefaultReach(string name, Location location, long value, BufferSetting setting)
        {
            Name = name;
            Location = location;
            Value = value;
            Setting = setting;
        }

        /// <summary>The member or parameter whose default it is.</summary>
        public string Name { get; }

        public Location Location { get; }

        /// <summary>The value in the setter's unit, after the scalings on its way.</summary>
        public long Value { get; }

        public BufferSetting Setting { get; }
    }
}
