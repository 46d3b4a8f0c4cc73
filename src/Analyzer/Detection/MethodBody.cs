using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Facts about one method body (or initializer), each computed once on first use and shared by every setting in it:
    /// the writes to its locals, the connect calls on each socket, and the connection state at each setting. This keeps
    /// the cost of a body linear in its size however many settings it holds.
    /// </summary>
    internal sealed class MethodBody
    {
        private readonly object _gate = new object();
        private LocalWrites? _localWrites;
        private Dictionary<ISymbol, IInvocationOperation>? _firstConnect;
        private bool _hasBackEdges;
        private ConnectionStates? _states;
        private ControlFlowGraph? _graph;
        private Dictionary<IBlockOperation, BlockExits>? _exits;
        private EndpointTransports? _endpoints;

        public MethodBody(IOperation root)
        {
            Root = root;
        }

        public IOperation Root { get; }

        /// <summary>The body's control-flow graph, built here for a body seen outside its own callbacks (null for a root no graph is made of).</summary>
        public ControlFlowGraph? Graph()
        {
            lock (_gate)
            {
                return _graph ??= Root switch
                {
                    IMethodBodyOperation method => ControlFlowGraph.Create(method),
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                    IBlockOperation block => ControlFlowGraph.Create(block),
                    _ => null,
                };
            }
        }

        public LocalWrites LocalWrites
        {
            get
            {
                lock (_gate)
                {
                    return _localWrites ??= new LocalWrites(Root);
                }
            }
        }

        /// <summary>The early exits of a block of this body, indexed once.</summary>
        public BlockExits ExitsOf(IBlockOperation block)
        {
            lock (_gate)
            {
                _exits ??= new Dictionary<IBlockOperation, BlockExits>();
                if (!_exits.TryGetValue(block, out var exits))
                {
                    // The body's local writes are walked only if an exit tests a bool local (most blocks have no early exit).
                    exits = new BlockExits(block, this);
                    _exits[block] = exits;
                }

                return exits;
            }
        }

        /// <summary>The endpoints (NetMQ's <c>Connect("pgm://…")</c>) given to each library socket of the body, indexed once.</summary>
        public EndpointTransports Endpoints(Catalog.BoundCatalog catalog, SocketOriginResolver resolver)
        {
            lock (_gate)
            {
                return _endpoints ??= EndpointTransports.Of(Root, catalog, resolver);
            }
        }

        /// <summary>The first connect call (in text order) on each socket variable of the body.</summary>
        public IInvocationOperation? FirstConnectOn(ISymbol socket, SocketOriginResolver resolver)
        {
            lock (_gate)
            {
                EnsureConnects(resolver);
                return _firstConnect!.TryGetValue(socket, out var call) ? call : null;
            }
        }

        /// <summary>
        /// Whether no connect call of the body can have run before the operation, seen without a control-flow graph: the body
        /// has no loop and no goto, the operation is not inside a lambda or local function (which may run at any time), and the
        /// first connect call on the socket (on any socket when null) starts after the operation ends. A setting made before
        /// the connect in straight-line code, the common case, needs no graph then.
        /// </summary>
        private bool ConnectsOnlyAfter(IOperation operation, ISymbol? socket)
        {
            if (_hasBackEdges)
            {
                return false;
            }

            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            foreach (var entry in _firstConnect!)
            {
                if ((socket == null || SymbolEqualityComparer.Default.Equals(entry.Key, socket)) && entry.Value.Syntax.SpanStart < operation.Syntax.Span.End)
                {
                    return false;
                }
            }

            return true;
        }

        private void EnsureConnects(SocketOriginResolver resolver)
        {
            if (_firstConnect == null)
            {
                _firstConnect = ConnectionTimeline.FirstConnects(Root, resolver, out var hasBackEdges);
                _hasBackEdges = hasBackEdges;
            }
        }

        /// <summary>The sockets that may be connected when an operation runs; the body's graph is built only when the text cannot tell.</summary>
        public List<(ISymbol Socket, IInvocationOperation Connect)> ConnectedAt(IOperation operation, SocketOriginResolver resolver)
        {
            lock (_gate)
            {
                EnsureConnects(resolver);
                if (_firstConnect!.Count == 0 || ConnectsOnlyAfter(operation, null))
                {
                    return new List<(ISymbol, IInvocationOperation)>();
                }
            }

            return Graph() is { } graph ? ConnectedAt(graph, operation, resolver) : new List<(ISymbol, IInvocationOperation)>();
        }

        /// <summary>The sockets of the body (fields included) that may be connected when an operation runs, each with its first connect call.</summary>
        private List<(ISymbol Socket, IInvocationOperation Connect)> ConnectedAt(ControlFlowGraph graph, IOperation operation, SocketOriginResolver resolver)
        {
            var connected = new List<(ISymbol, IInvocationOperation)>();
            lock (_gate)
            {
                EnsureConnects(resolver);
                if (_firstConnect!.Count == 0)
                {
                    return connected;
                }

                _states ??= ConnectionTimeline.Analyze(graph, _firstConnect.Keys, resolver);
                foreach (var entry in _firstConnect)
                {
                    if (_states.MayBeConnected(operation.Syntax, entry.Key))
                    {
                        connected.Add((entry.Key, entry.Value));
                    }
                }
            }

            return connected;
        }

        /// <summary>
        /// Whether the setting can run after a connect call on its socket, on the body's control flow (one data-flow pass per
        /// graph); the graph is asked for only when the text cannot tell (a connect before the setting, a loop, a lambda).
        /// </summary>
        public bool MayRunAfterConnect(System.Func<ControlFlowGraph?> graph, IOperation setting, ISymbol socket, SocketOriginResolver resolver)
        {
            lock (_gate)
            {
                EnsureConnects(resolver);
                if (!_firstConnect!.ContainsKey(socket) || ConnectsOnlyAfter(setting, socket))
                {
                    return false;
                }
            }

            return graph() is { } built && MayRunAfterConnect(built, setting, socket, resolver);
        }

        /// <summary>Whether the setting can run after a connect call on its socket, on the body's control flow (one data-flow pass per graph).</summary>
        private bool MayRunAfterConnect(ControlFlowGraph graph, IOperation setting, ISymbol socket, SocketOriginResolver resolver)
        {
            lock (_gate)
            {
                EnsureConnects(resolver);
                _states ??= ConnectionTimeline.Analyze(graph, _firstConnect!.Keys, resolver);
                return _states.MayBeConnected(setting.Syntax, socket);
            }
        }
    }

    /// <summary>The <see cref="MethodBody"/> of every body seen in one type's analysis, keyed by the body's root syntax.</summary>
    internal sealed class MethodBodies
    {
        private ConcurrentDictionary<SyntaxNode, MethodBody>? _bodies;

        /// <summary>The root of the operation tree that holds the operation (the body of its member, or an initializer's).</summary>
        public static IOperation RootOf(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root;
        }

        public MethodBody For(IOperation operation)
        {
            var root = RootOf(operation);

            // Allocated on first use: most types never ask about a body.
            var bodies = System.Threading.Volatile.Read(ref _bodies);
            if (bodies == null)
            {
                System.Threading.Interlocked.CompareExchange(ref _bodies, new ConcurrentDictionary<SyntaxNode, MethodBody>(), null);
                bodies = _bodies!;
            }

            return bodies.GetOrAdd(root.Syntax, _ => new MethodBody(root));
        }
    }
}
