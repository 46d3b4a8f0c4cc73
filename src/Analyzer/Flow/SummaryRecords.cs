using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
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
    /// A call that passes at least one size, as a callback saw it: the callee's name, the call and the calling member. The
    /// callback asks nothing more (whether the callee is this compilation's, which parameter each size goes to): a compilation
    /// makes thousands of such calls and the join asks about the parameters of a few forwarders, so those questions are
    /// asked only of the calls whose callee has the name of a member the join asks about (<see cref="CallIndex"/>).
    /// </summary>
    internal readonly struct SizedCallRecord
    {
        public SizedCallRecord(string calleeName, IOperation call, ISymbol caller)
        {
            CalleeName = calleeName;
            NameKey = KeyOf(calleeName);
            Call = call;
            Caller = caller;
        }

        /// <summary>
        /// The called method's name (<c>set_Size</c> for a property's setter), or for a constructor its type's name: a compilation
        /// calls a thousand constructors that take a size, and the join asks about a few.
        /// </summary>
        public string CalleeName { get; }

        /// <summary>
        /// A number made of the name's length and three of its characters, taken in the callback while the name is at hand: the
        /// index files the records under it without reading the thousands of names again, and compares names only on a match.
        /// </summary>
        public int NameKey { get; }

        /// <summary>The invocation, object creation or assignment of a property (a size assigned to any property: the setter may be this compilation's).</summary>
        public IOperation Call { get; }

        public ISymbol Caller { get; }

        /// <summary>The name a call of this member is filed under (<see cref="CalleeName"/>).</summary>
        public static string NameOf(IMethodSymbol member)
        {
            var name = member.Name;
            return name == WellKnownMemberNames.InstanceConstructorName ? member.ContainingType?.Name ?? name : name;
        }

        public static int KeyOf(string name) =>
            name.Length == 0 ? 0 : name.Length ^ (name[0] << 8) ^ (name[name.Length / 2] << 12) ^ (name[name.Length - 1] << 18);

        /// <summary>The size arguments the call passes to a member of this compilation, in the order they are written.</summary>
        public void AddArguments(SocketSymbols symbols, MethodBodies bodies, List<CallArgument> into)
        {
            switch (Call)
            {
                case IInvocationOperation invocation:
                    AddArguments(symbols, bodies, invocation.TargetMethod, invocation.Arguments, into);
                    break;
                case IObjectCreationOperation { Constructor: { } constructor } creation:
                    AddArguments(symbols, bodies, constructor, creation.Arguments, into);
                    break;
                case IAssignmentOperation { Target: IPropertyReferenceOperation { Property: { SetMethod: { Parameters.Length: 1 } setter } property } } assignment
                    when symbols.IsOwn(property):
                    into.Add(new CallArgument(setter.Parameters[0], assignment, BufferSettingFinder.Unwrap(assignment.Value), Caller, bodies, SocketOrigin.Unknown, null));
                    break;
            }
        }

        private void AddArguments(SocketSymbols symbols, MethodBodies bodies, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, List<CallArgument> into)
        {
            if (!symbols.IsOwn(method))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } passedTo && symbols.RoleOf(argument.Value.Type) == ValueRole.Size)
                {
                    into.Add(new CallArgument(passedTo, Call, BufferSettingFinder.Unwrap(argument.Value), Caller, bodies, SocketOrigin.Unknown, null));
                }
            }
        }
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
