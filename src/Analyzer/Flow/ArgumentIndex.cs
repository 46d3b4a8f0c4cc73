using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>
    /// The arguments passed for each parameter: the items and records filed under it (<see cref="SymbolIndex{TRecord, TItem}"/>),
    /// then the calls of its member's name that pass it a size (<see cref="CallIndex"/>). Each answer is made once.
    /// </summary>
    internal sealed class ArgumentIndex
    {
        private readonly Dictionary<ISymbol, IReadOnlyList<CallArgument>> _asked = new(DefinitionComparer.Instance);

        public SymbolIndex<SizeArgumentRecord, CallArgument> Records { get; } = new((record, bodies) => record.ToArgument(bodies));

        public CallIndex? Calls { get; set; }

        public IReadOnlyList<CallArgument> Of(IParameterSymbol parameter)
        {
            var key = parameter.OriginalDefinition;
            if (_asked.TryGetValue(key, out var known))
            {
                return known;
            }

            var filed = Records.Of(parameter);
            IReadOnlyList<CallArgument> found = filed;
            if (Calls != null)
            {
                var all = new List<CallArgument>(filed);
                Calls.AddArgumentsOf(parameter, all);
                found = all;
            }

            _asked[key] = found;
            return found;
        }
    }
}
