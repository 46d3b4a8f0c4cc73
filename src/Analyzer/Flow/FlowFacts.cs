using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>One argument of a call to a member of this compilation, described where the call is seen.</summary>
    internal sealed class CallArgument
    {
        private readonly MethodBodies? _bodies;
        private readonly System.Func<string?>? _connectedBy;
        private SizeArgument? _size;
        private StrongBox<string?>? _connection;
        private readonly SocketOrigin _socket;
        private readonly System.Func<SocketOrigin?>? _lateSocket;
        private StrongBox<SocketOrigin>? _late;

        /// <param name="lateSocket">
        /// For a socket that another type decides (<see cref="SocketOrigin.Pending"/>): resolves it at compilation end, and
        /// answers null before (a type's end that reads it keeps the unknown socket, and nothing incomplete is kept).
        /// </param>
        public CallArgument(IParameterSymbol parameter, IOperation call, IOperation value, ISymbol caller, MethodBodies? bodies, SocketOrigin socket, System.Func<string?>? connectedBy, System.Func<SocketOrigin?>? lateSocket = null)
        {
            Parameter = parameter;
            Call = call;
            Value = value;
            CallerSymbol = caller;
            _socket = socket;
            _lateSocket = socket.Pending ? lateSocket : null;
            _connectedBy = connectedBy;
            _bodies = bodies;
        }

        public IParameterSymbol Parameter { get; }

        /// <summary>The invocation, object creation or property assignment.</summary>
        public IOperation Call { get; }

        /// <summary>The argument's value, conversions removed: diagnostics for the call sit on it.</summary>
        public IOperation Value { get; }

        /// <summary>The calling member.</summary>
        public ISymbol CallerSymbol { get; }

        /// <summary>The calling member, as "Client.Open" (named only when a diagnostic needs it).</summary>
        public string Caller => Rules.TypeScope.OwnerName(CallerSymbol);

        /// <summary>For a size parameter: what the argument is made of.</summary>
        public ValueExpr? Expr => Size?.Expr;

        public long? Constant => Size?.Constant;

        public ISymbol? Source => Size?.Source;

        /// <summary>What the conditions around the call imply about the argument.</summary>
        public GuardStrength Guard => Size?.Guard ?? GuardStrength.None;

        /// <summary>
        /// For a socket parameter: the kind and origin of the socket passed. One that a factory of another type decides is
        /// resolved on first use, which is at compilation end (a type's end asks <see cref="SocketPending"/> first).
        /// </summary>
        public SocketOrigin Socket
        {
            get
            {
                if (_lateSocket == null)
                {
                    return _socket;
                }

                if (Volatile.Read(ref _late) is { } known)
                {
                    return known.Value;
                }

                return _lateSocket() is { } late ? (Interlocked.CompareExchange(ref _late, new StrongBox<SocketOrigin>(late), null) ?? _late!).Value : _socket;
            }
        }

        /// <summary>The socket passed waits for a factory of another type: a join that reads it belongs at compilation end.</summary>
        public bool SocketPending => _socket.Pending;

        /// <summary>
        /// For a socket parameter: "ConnectAsync in Client.OpenAsync" when the socket may be connected at the call. Decided on the
        /// caller's control flow only when the join asks (a receive setting on the parameter): building a graph for every call that
        /// passes a socket cost more than all the rest of the analysis.
        /// </summary>
        public string? ConnectedBy => _connectedBy == null ? null : (Volatile.Read(ref _connection) ?? Interlocked.CompareExchange(ref _connection, new StrongBox<string?>(_connectedBy()), null) ?? _connection!).Value;

        /// <summary>
        /// A size argument is described only when the join asks (most calls never reach a forwarder). Two threads asking at
        /// once may both describe it; the descriptions are equal and one is kept.
        /// </summary>
        private SizeArgument? Size => _bodies == null ? null : Volatile.Read(ref _size) ?? Interlocked.CompareExchange(ref _size, SizeArgument.Describe(Call, Value, _bodies), null) ?? _size;
    }

    /// <summary>What a size argument is: its constant, the symbol it reads, its guard at the call, its shape for the join.</summary>
    internal sealed class SizeArgument
    {
        private SizeArgument(ValueExpr expr, long? constant, ISymbol? source, GuardStrength guard)
        {
            Expr = expr;
            Constant = constant;
            Source = source;
            Guard = guard;
        }

        public ValueExpr Expr { get; }

        public long? Constant { get; }

        public ISymbol? Source { get; }

        public GuardStrength Guard { get; }

        public static SizeArgument Describe(IOperation call, IOperation value, MethodBodies bodies)
        {
            var constant = ConstantFolder.Fold(value, bodies);
            var source = constant == null ? ValueSource.Of(value, bodies) : null;
            var guard = constant == null ? GuardFinder.Strength(call, value, source, bodies) : GuardStrength.None;
            return new SizeArgument(ValueExpr.Build(value, bodies), constant, source, guard);
        }
    }

    /// <summary>A size expression seen in a callback, reduced to a <see cref="ValueExpr"/> only when the join follows it.</summary>
    internal sealed class LazyValue
    {
        private readonly IOperation _value;
        private readonly MethodBodies _bodies;
        private ValueExpr? _expr;

        public LazyValue(IOperation value, MethodBodies bodies)
        {
            _value = value;
            _bodies = bodies;
        }

        /// <summary>Built on first use; a race builds two equal expressions and keeps one.</summary>
        public ValueExpr Expr => Volatile.Read(ref _expr) ?? Interlocked.CompareExchange(ref _expr, ValueExpr.Build(_value, _bodies), null) ?? _expr!;

        /// <summary>The expression as written (conversions kept).</summary>
        public IOperation Operation => _value;

        public MethodBodies Bodies => _bodies;
    }

    /// <summary>
    /// A size written to a field or property: an initializer (<see cref="Write"/> null) or an assignment, with the member
    /// whose code writes it. Whether the write ships a default or is a setting made through the member is decided only when
    /// the join follows a setting to it (<see cref="ShipsDefault"/>).
    /// </summary>
    internal sealed class MemberWrite
    {
        public MemberWrite(LazyValue value, IOperation? write, ISymbol writer)
        {
            Value = value;
            Write = write;
            Writer = writer;
        }

        public LazyValue Value { get; }

        public ValueExpr Expr => Value.Expr;

        /// <summary>The assignment; null for a field or property initializer.</summary>
        public IOperation? Write { get; }

        /// <summary>The member whose code holds the write (the field or property itself for an initializer).</summary>
        public ISymbol Writer { get; }

        /// <summary>
        /// A constant written here is a default nobody chose (SOCK007) rather than a setting made through the member: an
        /// initializer, a constructor, or a static factory of the member's type (<c>static Options Default()</c>). A write in
        /// any other method or lambda is its author's own choice.
        /// </summary>
        public bool ShipsDefault(ISymbol member) => Write == null || FlowFacts.ShipsDefaults(Writer, member.ContainingType);
    }

    /// <summary>A setting whose value or socket a caller decides: joined with the calls at compilation end.</summary>
    internal sealed class DeferredSetting
    {
        /// <param name="lateOrigin">For a socket that a factory of another type decides: resolves its kind and origin at compilation end.</param>
        public DeferredSetting(BufferSetting setting, ValueExpr expr, IParameterSymbol? valueParameter, IParameterSymbol? socketParameter, bool timingOnly = false, System.Func<SocketOrigin>? lateOrigin = null)
        {
            LateOrigin = lateOrigin;
            TimingOnly = timingOnly;
            Setting = setting;
            Expr = expr;
            ValueParameter = valueParameter;
            SocketParameter = socketParameter;
        }

        public BufferSetting Setting { get; }

        public ValueExpr Expr { get; }

        /// <summary>The parameter of the enclosing member the value comes from: the setting is a forwarder's plumbing.</summary>
        public IParameterSymbol? ValueParameter { get; }

        /// <summary>Everything but the timing was decided in the setting's type (a public member's socket parameter): only SOCK004 from the callers is left.</summary>
        public bool TimingOnly { get; }

        /// <summary>The parameter of the enclosing member the socket comes from: its kind and origin are the callers'.</summary>
        public IParameterSymbol? SocketParameter { get; }

        /// <summary>The setting's own socket, when a factory of another type decides it (null: <see cref="BufferSetting.Origin"/> holds).</summary>
        public System.Func<SocketOrigin>? LateOrigin { get; }

        /// <summary>The setting with its own socket resolved: at compilation end, every factory is known.</summary>
        public BufferSetting Resolved => LateOrigin is { } late ? Setting.With(late(), null) : Setting;
    }

    /// <summary>
    /// Summaries gathered in the callbacks that already run, for the compilation-end join: the calls of this compilation's
    /// members (per parameter), every write of a size to a field or property, property getters that return a member, and
    /// the settings whose value or socket comes from a parameter.
    /// </summary>
    internal sealed class FlowFacts
    {
        // Gathered in one queue and indexed once, on the first question (after every type has handed its calls on): a queue
        // per parameter or member would allocate a segment for each of the thousands a compilation has. Types hand their
        // records on in one summary each, at their end; the indexes make objects of them.
        private readonly ConcurrentQueue<CallArgument> _arguments = new();
        private readonly ConcurrentQueue<TypeSummary> _summaries = new();
        private readonly object _gate = new object();
        private ArgumentIndex? _argumentsByParameter;
        private SymbolIndex<MemberWriteRecord, MemberWrite>? _writesByMember;
        private SymbolIndex<GetterRecord, LazyValue>? _getters;

        public ConcurrentQueue<DeferredSetting> Deferred { get; } = new();

        private int _atCompilationEnd;

        /// <summary>Every type has handed its facts on: what another type decides may be resolved now, not before.</summary>
        public bool AtCompilationEnd => Volatile.Read(ref _atCompilationEnd) != 0;

        public void EnterCompilationEnd() => Volatile.Write(ref _atCompilationEnd, 1);

        /// <summary>Methods that return a socket, resolved only when a setting of another type asks (kind from a factory).</summary>
        public SocketFactories Factories { get; } = new();

        /// <summary>Settings decided in their type whose value reads a member: their defaults are found at compilation end (SOCK007).</summary>
        public ConcurrentQueue<(BufferSetting Setting, ValueExpr Expr, System.Collections.Immutable.ImmutableStack<ValueExpr> Chain)> Reaches { get; } = new();

        public void AddArgument(CallArgument argument)
        {
            _arguments.Enqueue(argument);
            Invalidate(ref _argumentsByParameter);
        }

        /// <summary>
        /// One type's records, as its callbacks saw them: size arguments and calls that pass sizes (resolved only for the
        /// parameters the join asks about), writes of a size to a field or property (initializers and assignments), and
        /// property getters that return a size (the first value returned is the one followed).
        /// </summary>
        public void AddSummary(TypeSummary summary)
        {
            _summaries.Enqueue(summary);
            if (summary.Arguments != null || summary.Calls != null)
            {
                Invalidate(ref _argumentsByParameter);
            }

            if (summary.Writes != null)
            {
                Invalidate(ref _writesByMember);
            }

            if (summary.Getters != null)
            {
                Invalidate(ref _getters);
            }
        }

        /// <summary>Asked already (a type decided its private members): the index is rebuilt with the facts handed on since.</summary>
        private void Invalidate<T>(ref T? index)
            where T : class
        {
            if (Volatile.Read(ref index) != null)
            {
                lock (_gate)
                {
                    index = null;
                }
            }
        }

        public IEnumerable<CallArgument> ArgumentsOf(IParameterSymbol parameter)
        {
            lock (_gate)
            {
                if (_argumentsByParameter == null)
                {
                    var index = new ArgumentIndex();
                    foreach (var argument in _arguments)
                    {
                        index.Records.Add(argument.Parameter, argument);
                    }

                    foreach (var summary in _summaries)
                    {
                        if (summary.Arguments != null)
                        {
                            index.Records.Add(summary.Arguments, summary.Bodies);
                        }

                        if (summary.Calls != null)
                        {
                            (index.Calls ??= new CallIndex(summary.Symbols)).Add(summary.Calls, summary.Bodies);
                        }
                    }

                    _argumentsByParameter = index;
                }

                return _argumentsByParameter.Of(parameter);
            }
        }

        /// <summary>
        /// The sockets passed for a parameter: its own member's calls, and for an override the calls of every member it
        /// overrides (a hook called through its base virtual, <c>option.BeforeBind(udpSocket)</c>). Only for kinds: a
        /// forwarder's size is followed through the calls of its own symbol alone.
        /// </summary>
        public IEnumerable<CallArgument> SocketArgumentsOf(IParameterSymbol parameter)
        {
            var own = ArgumentsOf(parameter);
            if (parameter.ContainingSymbol is not IMethodSymbol { IsOverride: true } method)
            {
                return own;
            }

            var all = new List<CallArgument>(own);
            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                if (parameter.Ordinal < overridden.Parameters.Length)
                {
                    all.AddRange(ArgumentsOf(overridden.Parameters[parameter.Ordinal]));
                }
            }

            return all;
        }

        /// <summary>
        /// At compilation end: the kind of every socket the calls pass for a parameter (through callers that pass their own
        /// parameter on, cycles stopped as unknown); with no call, unknown.
        /// </summary>
        public Model.SocketKind KindPassed(IParameterSymbol parameter) => KindPassed(parameter, new HashSet<ISymbol>(SymbolEqualityComparer.Default), 0) ?? Model.SocketKind.Unknown;

        private Model.SocketKind? KindPassed(IParameterSymbol parameter, HashSet<ISymbol> visited, int depth)
        {
            if (depth > 64 || !visited.Add(parameter.OriginalDefinition))
            {
                return null;
            }

            Model.SocketKind? joined = null;
            foreach (var argument in SocketArgumentsOf(parameter))
            {
                var kind = argument.Socket.Kind;
                if (kind == Model.SocketKind.Unknown && BufferSettingFinder.Unwrap(argument.Value) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.AnonymousFunction } } outer })
                {
                    kind = KindPassed(outer, visited, depth + 1) ?? Model.SocketKind.Unknown;
                }

                joined = joined == null || joined == kind ? kind : Model.SocketKind.Unknown;
                if (joined == Model.SocketKind.Unknown)
                {
                    break;
                }
            }

            return joined;
        }

        public IReadOnlyList<MemberWrite> WritesOf(ISymbol member)
        {
            lock (_gate)
            {
                if (_writesByMember == null)
                {
                    var index = new SymbolIndex<MemberWriteRecord, MemberWrite>((record, bodies) => new MemberWrite(new LazyValue(record.Value, bodies), record.Write, record.Writer));
                    foreach (var summary in _summaries)
                    {
                        if (summary.Writes != null)
                        {
                            index.Add(summary.Writes, summary.Bodies);
                        }
                    }

                    _writesByMember = index;
                }

                return _writesByMember.Of(member);
            }
        }

        /// <summary>
        /// Code that ships defaults for a type's members: a member initializer, a constructor (with its <c>this(…)</c> and
        /// <c>base(…)</c> arguments), or a static method or property of <paramref name="type"/> that returns an instance of it
        /// (<c>static Options Default()</c>). Asked only at compilation end, for the few writes and calls a setting reaches.
        /// </summary>
        public static bool ShipsDefaults(ISymbol writer, INamedTypeSymbol? type)
        {
            switch (writer)
            {
                case IFieldSymbol:
                case IPropertySymbol:
                    return true;
                case IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }:
                    return true;
                case IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary or MethodKind.PropertyGet } method when type != null:
                    return SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type.OriginalDefinition)
                        && SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, type.OriginalDefinition);
                default:
                    return false;
            }
        }

        public ValueExpr? GetterOf(ISymbol member)
        {
            LazyValue? value;
            lock (_gate)
            {
                if (_getters == null)
                {
                    _getters = new SymbolIndex<GetterRecord, LazyValue>((record, bodies) => new LazyValue(record.Value, bodies));
                    foreach (var summary in _summaries)
                    {
                        if (summary.Getters != null)
                        {
                            _getters.Add(summary.Getters, summary.Bodies);
                        }
                    }
                }

                var values = _getters.Of(member);
                value = values.Count > 0 ? values[0] : null;
            }

            // Reduced outside the lock: a value expression may read other members' getters.
            return value?.Expr;
        }

        /// <summary>A type that sizes a buffer: an integer or a nullable integer.</summary>
        public static bool IsSizeType(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            // Asked for every parameter, member write and return: the special type answers most without a look at generics.
            var special = type.SpecialType;
            return IsSizeSpecialType(special)
                || (special == SpecialType.None && type.TypeKind == TypeKind.Struct
                    && type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                    && IsSizeSpecialType(nullable.TypeArguments[0].SpecialType));
        }

        /// <summary>The integer types a buffer size is held in (int, long, uint); their nullable forms are sizes too.</summary>
        public static bool IsSizeSpecialType(SpecialType special) =>
            special is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32;
    }
}
