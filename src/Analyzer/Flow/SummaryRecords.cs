using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Flow
{
    /// <summary>
    /// A size argument of a call to a member of this compilation, as a callback saw it: no checks and no objects beyond
    /// the record, since almost none is ever asked about. Made into a <see cref="CallArgument"/> only when the join indexes
    /// the calls (<see cref="FlowFacts.ArgumentsOf"/>) or the type's own settings need its calls at the type's end.
    /// </summary>
    internal readonly struct SizeArgumentRecord : IKeyedRecord
    {
        public SizeArgumentRecord(IParameterSymbol parameter, IOperation call, IOperation value, ISymbol caller)
        {
            Parameter = parameter;
            Key = parameter.OriginalDefinition;
            Call = call;
            Value = value;
            Caller = caller;
        }

        public IParameterSymbol Parameter { get; }

        /// <summary>The parameter's definition, taken in the callback (the join compares it by reference).</summary>
        public ISymbol Key { get; }

        /// <summary>The invocation, object creation or property assignment.</summary>
        public IOperation Call { get; }

        /// <summary>The argument as written (conversions kept).</summary>
        public IOperation Value { get; }

        public ISymbol Caller { get; }

        public CallArgument ToArgument(MethodBodies bodies) =>
            new CallArgument(Parameter, Call, BufferSettingFinder.Unwrap(Value), Caller, bodies, SocketOrigin.Unknown, null);
    }

    /// <summary>
    /// A size written to a field or property, as a callback saw it: <see cref="Write"/> is the assignment (null for an
    /// initializer), <see cref="Writer"/> the member whose code holds it. Made into a <see cref="MemberWrite"/> only when the
    /// join indexes the writes (<see cref="FlowFacts.WritesOf"/>).
    /// </summary>
    internal readonly struct MemberWriteRecord : IKeyedRecord
    {
        public MemberWriteRecord(ISymbol member, IOperation value, IOperation? write, ISymbol writer)
        {
            Member = member;
            Key = member.OriginalDefinition;
            Value = value;
            Write = write;
            Writer = writer;
        }

        public ISymbol Member { get; }

        /// <summary>The member's definition, taken in the callback (the join compares it by reference).</summary>
        public ISymbol Key { get; }

        public IOperation Value { get; }

        public IOperation? Write { get; }

        public ISymbol Writer { get; }
    }

    /// <summary>A property getter that returns a size, as a callback saw it (the first value returned is the one the join follows).</summary>
    internal readonly struct GetterRecord : IKeyedRecord
    {
        public GetterRecord(IPropertySymbol property, IOperation value)
        {
            Key = property.OriginalDefinition;
            Value = value;
        }

        /// <summary>The property's definition, taken in the callback (the join compares it by reference).</summary>
        public ISymbol Key { get; }

        /// <summary>The value returned.</summary>
        public IOperation Value { get; }
    }
}
