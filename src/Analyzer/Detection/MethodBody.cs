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
            var locals = LocalWrites;
            lock (_gate)
            {
                _exits ??= new Dictionary<IBlockOperation, BlockExits>();
                if (!_exits.TryGetValue(block, out var exits))
                {
                    exits = new BlockExits(block, locals);
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
                _firstConnect ??= ConnectionTimeline.FirstConnects(Root, resolver);
                return _firstConnect.TryGetValue(socket, out var call) ? call : null;
            }
        }

        /// <summary>The sockets of the body (fields included) that may be connected when an operation runs, each with its first connect call.</summary>
        public List<(ISymbol Socket, IInvocationOperation Connect)> ConnectedAt(ControlFlowGraph graph, IOperation operation, SocketOriginResolver resolver)
        {
            var connected = new List<(ISymbol, IInvocationOperation)>();
            lock (_gate)
            {
                _firstConnect ??= ConnectionTimeline.FirstConnects(Root, resolver);
                if (_firstConnect.Count == 0)
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

        /// <summary>Whether the setting can run after a connect call on its socket, on the body's control flow (one data-flow pass per graph).</summary>
        public bool MayRunAfterConnect(ControlFlowGraph graph, IOperation setting, ISymbol socket, SocketOriginResolver resolver)
        {
            lock (_gate)
            {
                _firstConnect ??= ConnectionTimeline.FirstConnects(Root, resolver);
                _states ??= ConnectionTimeline.Analyze(graph, _firstConnect.Keys, resolver);
                return _states.MayBeConnected(setting.Syntax, socket);
            }
        }
    }

    /// <summary>The <see cref="MethodBody"/> of every body seen in one type's analysis, keyed by the body's root syntax.</summary>
    internal sealed class MethodBodies
    {
        private ConcurrentDictionary<SyntaxNode, MethodBody>? _bodies;

        public MethodBody For(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

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
