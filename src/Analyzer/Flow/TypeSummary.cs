using System.Collections.Generic;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>
    /// What one type's callbacks gathered for the join, handed on in one piece at the type's end (one enqueue per type, where
    /// a queue per kind of record took up to four): its size writes to members, getters that return a size, and, for a type
    /// without settings of its own, its size arguments and calls that pass sizes. A list is null when the type gathered none
    /// (the type's end makes a summary only when one is not).
    /// </summary>
    internal sealed class TypeSummary
    {
        public TypeSummary(
            MethodBodies bodies,
            SocketSymbols symbols,
            List<MemberWriteRecord>? writes,
            List<GetterRecord>? getters,
            List<SizeArgumentRecord>? arguments,
            List<SizedCallRecord>? calls)
        {
            Bodies = bodies;
            Symbols = symbols;
            Writes = writes;
            Getters = getters;
            Arguments = arguments;
            Calls = calls;
        }

        /// <summary>The type's method bodies, through which the records' values are described when the join asks.</summary>
        public MethodBodies Bodies { get; }

        public SocketSymbols Symbols { get; }

        public List<MemberWriteRecord>? Writes { get; }

        public List<GetterRecord>? Getters { get; }

        public List<SizeArgumentRecord>? Arguments { get; }

        public List<SizedCallRecord>? Calls { get; }
    }
}
