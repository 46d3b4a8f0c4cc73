using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>
    /// The calls that pass sizes, by the callee's name. A question about a parameter resolves only the calls of a member of
    /// that name (the call's target, whether it is this compilation's, which argument goes to the parameter): the callbacks
    /// that saw the thousands of calls asked none of it. The first question files every record under the number its name
    /// was given in the callback (<see cref="SizedCallRecord.NameKey"/>), one pass that reads no name and no symbol; each
    /// name asked about then resolves the records filed under its number whose name it is, once for all the members of that
    /// name. Not thread-safe: its owner (<see cref="FlowFacts"/>) asks under its lock.
    /// </summary>
    internal sealed class CallIndex
    {
        private readonly SocketSymbols _symbols;
        private readonly List<(List<SizedCallRecord> Records, MethodBodies Bodies)> _batches = new();

        // Filed: the last record of each name number, and for each record the one filed before it under the same number (-1: none).
        private Dictionary<int, int>? _last;
        private (int Batch, int Index, int Previous)[]? _places;

        // The size arguments of each name asked about, by parameter definition.
        private readonly Dictionary<string, Dictionary<ISymbol, List<CallArgument>>> _resolved = new(System.StringComparer.Ordinal);

        public CallIndex(SocketSymbols symbols) => _symbols = symbols;

        /// <summary>One type's calls, in the order its callbacks saw them.</summary>
        public void Add(List<SizedCallRecord> records, MethodBodies bodies) => _batches.Add((records, bodies));

        /// <summary>The size arguments passed to this parameter (its definition), in the order the calls were added.</summary>
        public void AddArgumentsOf(IParameterSymbol parameter, List<CallArgument> into)
        {
            // (A socket parameter is passed no size: the join asks about it for the sockets, filed elsewhere.)
            if (_batches.Count == 0 || parameter.ContainingSymbol is not IMethodSymbol member || _symbols.RoleOf(parameter.Type) == ValueRole.Socket)
            {
                return;
            }

            if (ResolvedByName(SizedCallRecord.NameOf(member)).TryGetValue(parameter.OriginalDefinition, out var passed))
            {
                into.AddRange(passed);
            }
        }

        /// <summary>
        /// Every size argument of the calls of a name, by the definition of the parameter it goes to, resolved when the name is
        /// first asked about: many members can share a name (a thousand wrappers' <c>set_ReceiveBufferSize</c>), and each call
        /// is resolved once, not once per member asked.
        /// </summary>
        private Dictionary<ISymbol, List<CallArgument>> ResolvedByName(string name)
        {
            if (_resolved.TryGetValue(name, out var known))
            {
                return known;
            }

            if (_last == null || _places == null)
            {
                File();
            }

            var byParameter = new Dictionary<ISymbol, List<CallArgument>>(DefinitionComparer.Instance);
            _resolved[name] = byParameter;
            if (!_last!.TryGetValue(SizedCallRecord.KeyOf(name), out var place))
            {
                return byParameter;
            }

            // The chain runs from the last record filed to the first: reversed, the calls come in the order they were added.
            var matches = new List<(int Batch, int Index)>();
            for (; place >= 0; place = _places![place].Previous)
            {
                var (batch, index, _) = _places![place];
                if (string.Equals(_batches[batch].Records[index].CalleeName, name, System.StringComparison.Ordinal))
                {
                    matches.Add((batch, index));
                }
            }

            var arguments = new List<CallArgument>();
            for (var i = matches.Count - 1; i >= 0; i--)
            {
                var (batch, index) = matches[i];
                _batches[batch].Records[index].AddArguments(_symbols, _batches[batch].Bodies, arguments);
            }

            foreach (var argument in arguments)
            {
                var key = argument.Parameter.OriginalDefinition;
                if (!byParameter.TryGetValue(key, out var list))
                {
                    list = new List<CallArgument>();
                    byParameter[key] = list;
                }

                list.Add(argument);
            }

            return byParameter;
        }

        private void File()
        {
            var count = 0;
            foreach (var (records, _) in _batches)
            {
                count += records.Count;
            }

            var last = new Dictionary<int, int>();
            var places = new (int, int, int)[count];
            var place = 0;
            for (var batch = 0; batch < _batches.Count; batch++)
            {
                var records = _batches[batch].Records;
                for (var i = 0; i < records.Count; i++, place++)
                {
                    var key = records[i].NameKey;
                    places[place] = (batch, i, last.TryGetValue(key, out var previous) ? previous : -1);
                    last[key] = place;
                }
            }

            _last = last;
            _places = places;
        }
    }
}
