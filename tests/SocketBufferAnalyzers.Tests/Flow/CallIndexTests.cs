using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Flow;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Flow
{
    /// <summary>
    /// The join's index of calls that pass sizes, filed by the callee's name: a question about a parameter must get the size
    /// arguments of every call of that member (constructors through <c>new</c> and through <c>this(…)</c>, property setters),
    /// in the order the calls were added, and nothing passed to another member of the same name, to a member whose name
    /// shares its number, to a member of another compilation, or to a socket parameter.
    /// </summary>
    public class CallIndexTests
    {
        private const string Source = @"
using System.Net.Sockets;
class A
{
    public A(int size) { }
    public A() : this(7) { }
    public void Set(int size, int other) { }
    public void SetAbc(int size) { }
    public void SxtAbc(int size) { }
    public int Size { get; set; }
    public void Use(Socket socket, int size) { }
}
class B
{
    public B(int size) { }
    public void Set(int size, int other) { }
    public static int Abs(int value) => value;
}
class Calls
{
    void Run(A a, B b, Socket s)
    {
        a.Set(1, 2);
        b.Set(3, 4);
        new A(5);
        new B(6);
        a.SetAbc(8);
        a.SxtAbc(9);
        a.Size = 10;
        System.Math.Abs(11);
        B.Abs(12);
        a.Use(s, 13);
        a.Set(14, 15);
    }
}";

        private sealed class Fixture
        {
            public Fixture()
            {
                var tree = CSharpSyntaxTree.ParseText(Source);
                Compilation = CSharpCompilation.Create("Calls", new[] { tree }, TestReferences.Net100);
                Symbols = SocketSymbols.TryCreate(Compilation)!;
                var model = Compilation.GetSemanticModel(tree);
                var root = tree.GetRoot();

                // Every call that passes a size, as the callbacks file it: by the callee's name, a constructor's by its type's name.
                var calls = new List<SizedCallRecord>();
                foreach (var node in root.DescendantNodes())
                {
                    var operation = node switch
                    {
                        InvocationExpressionSyntax or ObjectCreationExpressionSyntax or ConstructorInitializerSyntax => model.GetOperation(node),
                        AssignmentExpressionSyntax => model.GetOperation(node),
                        _ => null,
                    };
                    var caller = model.GetEnclosingSymbol(node.SpanStart)!;
                    switch (operation)
                    {
                        case IInvocationOperation invocation:
                            calls.Add(new SizedCallRecord(SizedCallRecord.NameOf(invocation.TargetMethod), invocation, caller));
                            break;
                        case IObjectCreationOperation creation:
                            calls.Add(new SizedCallRecord(SizedCallRecord.NameOf(creation.Constructor!), creation, caller));
                            break;
                        case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.SetMethod: { } setter } } assignment:
                            calls.Add(new SizedCallRecord(setter.Name, assignment, caller));
                            break;
                    }
                }

                // Two batches, as two types hand theirs on.
                Index = new CallIndex(Symbols);
                Index.Add(calls.Take(5).ToList(), new MethodBodies());
                Index.Add(calls.Skip(5).ToList(), new MethodBodies());
            }

            public CSharpCompilation Compilation { get; }

            public SocketSymbols Symbols { get; }

            public CallIndex Index { get; }

            public IParameterSymbol Parameter(string type, string member, int ordinal = 0)
            {
                var symbol = Compilation.GetTypeByMetadataName(type)!.GetMembers(member).First();
                var method = symbol as IMethodSymbol ?? ((IPropertySymbol)symbol).SetMethod!;
                return method.Parameters[ordinal];
            }

            public IEnumerable<string> Passed(IParameterSymbol parameter)
            {
                var found = new List<CallArgument>();
                Index.AddArgumentsOf(parameter, found);
                return found.Select(a => a.Value.Syntax.ToString());
            }
        }

        [Fact]
        public void AMethodsParameterGetsItsOwnCallsInOrderAndNotThoseOfAnotherTypesMemberOfTheSameName()
        {
            var fixture = new Fixture();
            Assert.Equal(new[] { "1", "14" }, fixture.Passed(fixture.Parameter("A", "Set", 0)));
            Assert.Equal(new[] { "2", "15" }, fixture.Passed(fixture.Parameter("A", "Set", 1)));
            Assert.Equal(new[] { "3" }, fixture.Passed(fixture.Parameter("B", "Set", 0)));
        }

        [Fact]
        public void AConstructorsParameterGetsNewAndThisCallsOfItsTypeOnly()
        {
            var fixture = new Fixture();
            var constructor = fixture.Compilation.GetTypeByMetadataName("A")!.InstanceConstructors.Single(c => c.Parameters.Length == 1);
            Assert.Equal(new[] { "7", "5" }, fixture.Passed(constructor.Parameters[0]));
            var other = fixture.Compilation.GetTypeByMetadataName("B")!.InstanceConstructors.Single();
            Assert.Equal(new[] { "6" }, fixture.Passed(other.Parameters[0]));
        }

        [Fact]
        public void NamesThatShareTheirNumberGetOnlyTheirOwnCalls()
        {
            Assert.Equal(SizedCallRecord.KeyOf("SetAbc"), SizedCallRecord.KeyOf("SxtAbc"));
            var fixture = new Fixture();
            Assert.Equal(new[] { "8" }, fixture.Passed(fixture.Parameter("A", "SetAbc")));
            Assert.Equal(new[] { "9" }, fixture.Passed(fixture.Parameter("A", "SxtAbc")));
        }

        [Fact]
        public void APropertySettersValueGetsTheSizesAssigned()
        {
            var fixture = new Fixture();
            Assert.Equal(new[] { "10" }, fixture.Passed(fixture.Parameter("A", "Size")));
        }

        [Fact]
        public void AFrameworkMemberOfTheSameNameIsNotACall()
        {
            var fixture = new Fixture();
            Assert.Equal(new[] { "12" }, fixture.Passed(fixture.Parameter("B", "Abs")));
        }

        [Fact]
        public void ASocketParameterIsPassedNoSizeAndTheSizeBesideItIsFound()
        {
            var fixture = new Fixture();
            Assert.Empty(fixture.Passed(fixture.Parameter("A", "Use", 0)));
            Assert.Equal(new[] { "13" }, fixture.Passed(fixture.Parameter("A", "Use", 1)));
        }
    }
}
