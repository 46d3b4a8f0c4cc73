using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// Whether a setting can run after a <c>Connect</c>/<c>ConnectAsync</c>/<c>BeginConnect</c> on the same socket,
    /// decided on the method's control-flow graph (loops, branches and awaits included), not on line order.
    /// A forward "may be connected" analysis: a connect call sets the state, a new value written to the variable clears it.
    /// </summary>
    internal static class ConnectionTimeline
    {
        public static bool MayRunAfterConnect(ControlFlowGraph graph, SyntaxNode setting, ISymbol socket, SocketOriginResolver resolver)
        {
            var owner = FindGraphContaining(graph, setting, depth: 0);
            return owner != null && Analyze(owner, setting, socket, resolver);
        }

        /// <summary>The name of a connect method the body calls on the socket (cheap pre-check on the original tree), or null.</summary>
        public static string? ConnectCallOn(IOperation body, ISymbol socket, SocketOriginResolver resolver)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && IsConnectOn(invocation, socket, resolver))
                {
                    return invocation.TargetMethod.Name;
                }
            }

            return null;
        }

        private static bool Analyze(ControlFlowGraph graph, SyntaxNode setting, ISymbol socket, SocketOriginResolver resolver)
        {
            var blocks = graph.Blocks;
            var stateIn = new bool[blocks.Length];
            var visited = new bool[blocks.Length];
            var work = new Stack<int>();
            work.Push(0);
            visited[0] = true;
            var found = false;

            while (work.Count > 0)
            {
                var index = work.Pop();
                var block = blocks[index];
                var state = stateIn[index];
                foreach (var operation in Operations(block))
                {
                    foreach (var node in operation.DescendantsAndSelf())
                    {
                        if (node is IAssignmentOperation or IInvocationOperation && node.Syntax == setting)
                        {
                            found |= state;
                        }

                        if (node is IInvocationOperation invocation && IsConnectOn(invocation, socket, resolver))
                        {
                            state = true;
                        }
                        else if (node is ISimpleAssignmentOperation assignment && SymbolEqualityComparer.Default.Equals(resolver.RootSymbol(assignment.Target), socket))
                        {
                            // A new socket in the same variable starts unconnected.
                            state = false;
                        }
                    }
                }

                Propagate(block.FallThroughSuccessor, state, stateIn, visited, work);
                Propagate(block.ConditionalSuccessor, state, stateIn, visited, work);
            }

            return found;
        }

        private static void Propagate(ControlFlowBranch? branch, bool state, bool[] stateIn, bool[] visited, Stack<int> work)
        {
            var destination = branch?.Destination;
            if (destination == null)
            {
                return;
            }

            var index = destination.Ordinal;
            var merged = stateIn[index] | state;
            if (!visited[index] || merged != stateIn[index])
            {
                visited[index] = true;
                stateIn[index] = merged;
                work.Push(index);
            }
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

        private static bool IsConnectOn(IInvocationOperation invocation, ISymbol socket, SocketOriginResolver resolver)
        {
            var name = invocation.TargetMethod.Name;
            if (name != "Connect" && name != "ConnectAsync" && name != "BeginConnect")
            {
                return false;
            }

            var type = invocation.TargetMethod.ContainingType;
            return (resolver.Symbols.IsSocket(type) || resolver.Symbols.IsTcpClient(type))
                && SymbolEqualityComparer.Default.Equals(resolver.RootSymbol(invocation.Instance), socket);
        }

        /// <summary>The graph (the method's, or a lambda's or local function's inside it) whose blocks hold the setting.</summary>
        private static ControlFlowGraph? FindGraphContaining(ControlFlowGraph graph, SyntaxNode setting, int depth)
        {
            if (depth > 8)
            {
                return null;
            }

            foreach (var block in graph.Blocks)
            {
                foreach (var operation in Operations(block))
                {
                    if (!operation.Syntax.Span.Contains(setting.Span) && !setting.Span.Contains(operation.Syntax.Span))
                    {
                        continue;
                    }

                    foreach (var node in operation.DescendantsAndSelf())
                    {
                        if (node is IAssignmentOperation or IInvocationOperation && node.Syntax == setting)
                        {
                            return graph;
                        }

                        if (node is IFlowAnonymousFunctionOperation lambda && lambda.Syntax.Span.Contains(setting.Span))
                        {
                            var inner = FindGraphContaining(graph.GetAnonymousFunctionControlFlowGraph(lambda), setting, depth + 1);
                            if (inner != null)
                            {
                                return inner;
                            }
                        }
                    }
                }
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                var syntax = localFunction.DeclaringSyntaxReferences.Length > 0 ? localFunction.DeclaringSyntaxReferences[0].Span : default;
                if (syntax.Contains(setting.Span))
                {
                    return FindGraphContaining(graph.GetLocalFunctionControlFlowGraph(localFunction), setting, depth + 1);
                }
            }

            return null;
        }
    }
}
