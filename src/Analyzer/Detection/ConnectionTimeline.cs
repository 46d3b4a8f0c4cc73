using System.Collections;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Whether a setting can run after a connect call (a catalog connect member) on the same socket, decided on the
    /// method's control-flow graph (loops, branches and awaits included), not on line order. A forward "may be connected"
    /// analysis over every socket variable at once: a connect call sets a socket's state, a new value written to the
    /// variable clears it. One pass per graph serves every setting in it.
    /// </summary>
    internal static class ConnectionTimeline
    {
        private const int MaxNesting = 8;

        /// <summary>
        /// The first connect call, in text order, on each socket variable of the body, and whether text order may differ from run order: a loop or a goto
        /// (control that goes back), or a connect call inside a lambda or local function (which runs when it is called).
        /// </summary>
        public static Dictionary<ISymbol, IInvocationOperation> FirstConnects(IOperation root, SocketOriginResolver resolver, out bool hasBackEdges)
        {
            var first = new Dictionary<ISymbol, IInvocationOperation>(SymbolEqualityComparer.Default);
            hasBackEdges = false;
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is ILoopOperation || operation is IBranchOperation { BranchKind: BranchKind.GoTo })
                {
                    hasBackEdges = true;
                }

                if (operation is IInvocationOperation invocation && resolver.Symbols.Catalog.IsConnect(invocation.TargetMethod)
                    && resolver.RootSymbol(invocation.Instance) is { } socket)
                {
                    hasBackEdges |= InsideFunction(invocation, root);
                    if (!first.ContainsKey(socket))
                    {
                        first[socket] = invocation;
                    }
                }
            }

            return first;
        }

        private static bool InsideFunction(IOperation operation, IOperation root)
        {
            for (var parent = operation.Parent; parent != null && parent != root; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Runs the analysis on the graph and on the graphs of its lambdas and local functions (each from its own entry).</summary>
        public static ConnectionStates Analyze(ControlFlowGraph graph, IEnumerable<ISymbol> sockets, SocketOriginResolver resolver)
        {
            var index = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
            foreach (var socket in sockets)
            {
                index[socket] = index.Count;
            }

            var states = new ConnectionStates(index);
            if (index.Count > 0)
            {
                AnalyzeGraph(graph, states, resolver, 0);
            }

            return states;
        }

        private static void AnalyzeGraph(ControlFlowGraph graph, ConnectionStates states, SocketOriginResolver resolver, int nesting)
        {
            var blocks = graph.Blocks;
            var stateIn = new BitArray?[blocks.Length];
            var work = new Stack<int>();
            stateIn[0] = new BitArray(states.SocketCount);
            work.Push(0);
            var nested = new List<IFlowAnonymousFunctionOperation>();

            while (work.Count > 0)
            {
                var ordinal = work.Pop();
                var block = blocks[ordinal];
                var state = new BitArray(stateIn[ordinal]!);
                foreach (var operation in Operations(block))
                {
                    foreach (var node in operation.DescendantsAndSelf())
                    {
                        switch (node)
                        {
                            case IInvocationOperation invocation:
                                states.Record(node.Syntax, state);
                                if (resolver.Symbols.Catalog.IsConnect(invocation.TargetMethod) && states.IndexOf(resolver.RootSymbol(invocation.Instance)) is int connected)
                                {
                                    state[connected] = true;
                                }

                                break;
                            case ISimpleAssignmentOperation assignment:
                                states.Record(node.Syntax, state);

                                // A new socket in the same variable starts unconnected.
                                if (states.IndexOf(resolver.RootSymbol(assignment.Target)) is int replaced)
                                {
                                    state[replaced] = false;
                                }

                                break;
                            case IAssignmentOperation:
                            case IObjectCreationOperation:
                                states.Record(node.Syntax, state);
                                break;
                            case IFlowAnonymousFunctionOperation lambda:
                                nested.Add(lambda);
                                break;
                        }
                    }
                }

                Propagate(block.FallThroughSuccessor, state, stateIn, work);
                Propagate(block.ConditionalSuccessor, state, stateIn, work);
            }

            if (nesting >= MaxNesting)
            {
                return;
            }

            foreach (var lambda in nested)
            {
                AnalyzeGraph(graph.GetAnonymousFunctionControlFlowGraph(lambda), states, resolver, nesting + 1);
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                AnalyzeGraph(graph.GetLocalFunctionControlFlowGraph(localFunction), states, resolver, nesting + 1);
            }
        }

        private static void Propagate(ControlFlowBranch? branch, BitArray state, BitArray?[] stateIn, Stack<int> work)
        {
            var destination = branch?.Destination;
            if (destination == null)
            {
                return;
            }

            var ordinal = destination.Ordinal;
            var existing = stateIn[ordinal];
            if (existing == null)
            {
                stateIn[ordinal] = new BitArray(state);
                work.Push(ordinal);
                return;
            }

            var merged = new BitArray(existing).Or(state);
            if (!SameBits(merged, existing))
            {
                stateIn[ordinal] = merged;
                work.Push(ordinal);
            }
        }

        private static bool SameBits(BitArray a, BitArray b)
        {
            for (var i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static IEnumerable<IOperation> Operations(BasicBlock block)
        {
            foreach (var operation in block.Operations)
            {
                yield return operation;
            }

            if (block.BranchValue != null)
            {
                yield return block.BranchValue;
            }
        }
    }

    /// <summary>For each assignment or invocation of a body (by syntax), the sockets that may be connected when it runs.</summary>
    internal sealed class ConnectionStates
    {
        private readonly Dictionary<ISymbol, int> _index;
        private readonly Dictionary<SyntaxNode, BitArray> _before = new();

        public ConnectionStates(Dictionary<ISymbol, int> index)
        {
            _index = index;
        }

        public int SocketCount => _index.Count;

        public int? IndexOf(ISymbol? socket) => socket != null && _index.TryGetValue(socket, out var i) ? i : null;

        /// <summary>Joins the state reaching a node (a block may be visited more than once before the fixed point).</summary>
        public void Record(SyntaxNode node, BitArray state)
        {
            if (_before.TryGetValue(node, out var existing))
            {
                existing.Or(state);
            }
            else
            {
                _before[node] = new BitArray(state);
            }
        }

        public bool MayBeConnected(SyntaxNode setting, ISymbol socket) =>
            IndexOf(socket) is int i && _before.TryGetValue(setting, out var state) && state[i];
    }
}
