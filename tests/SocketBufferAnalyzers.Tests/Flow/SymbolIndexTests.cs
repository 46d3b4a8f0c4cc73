using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Flow;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Flow
{
    /// <summary>
    /// The join's index of records by definition: the first questions are answered by scanning the records' keys, later ones
    /// from a dictionary; both must give every record of the symbol (any constructed form of it), ready items first, in the
    /// order they were added, and nothing of any other symbol.
    /// </summary>
    public class SymbolIndexTests
    {
        private const int Methods = 50;

        private readonly struct Record : IKeyedRecord
        {
            public Record(IParameterSymbol parameter, int serial)
            {
                Key = parameter.OriginalDefinition;
                Serial = serial;
            }

            public ISymbol Key { get; }

            public int Serial { get; }
        }

        private static (List<IParameterSymbol> Parameters, IParameterSymbol Generic, IParameterSymbol Constructed) Symbols()
        {
            var source = "class C { " + string.Concat(Enumerable.Range(0, Methods).Select(i => $"void M{i}(int a) {{ }} ")) + "void G<T>(int x) { } }";
            var compilation = CSharpCompilation.Create("Index", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.Net100);
            var type = compilation.GetTypeByMetadataName("C")!;
            var parameters = Enumerable.Range(0, Methods).Select(i => ((IMethodSymbol)type.GetMembers("M" + i).Single()).Parameters[0]).ToList();
            var generic = (IMethodSymbol)type.GetMembers("G").Single();
            var constructed = generic.Construct(compilation.GetSpecialType(SpecialType.System_String));
            return (parameters, generic.Parameters[0], constructed.Parameters[0]);
        }

        [Fact]
        public void EveryQuestionGetsItsOwnRecordsInOrderBeforeAndAfterTheDictionary()
        {
            var (parameters, _, _) = Symbols();
            var index = new SymbolIndex<Record, string>((record, _) => "record " + record.Serial);

            // Two batches (two types' records); parameter i has a record in the first batch and, when even, another in the second.
            var first = parameters.Select((p, i) => new Record(p, i)).ToList();
            var second = parameters.Where((p, i) => i % 2 == 0).Select((p, i) => new Record(p, 1000 + i)).ToList();
            index.Add(first, new MethodBodies());
            index.Add(second, new MethodBodies());
            index.Add(parameters[3], "ready 3");

            // More distinct questions than the scan answers: the last ones come from the dictionary.
            for (var i = 0; i < Methods; i++)
            {
                var expected = new List<string>();
                if (i == 3)
                {
                    expected.Add("ready 3");
                }

                expected.Add("record " + i);
                if (i % 2 == 0)
                {
                    expected.Add("record " + (1000 + (i / 2)));
                }

                Assert.Equal(expected, index.Of(parameters[i]));
            }

            // Asked again: the same items, not made anew.
            Assert.Same(index.Of(parameters[7])[0], index.Of(parameters[7])[0]);
        }

        [Fact]
        public void AConstructedFormFindsTheDefinitionsRecords()
        {
            var (parameters, generic, constructed) = Symbols();
            var index = new SymbolIndex<Record, string>((record, _) => "record " + record.Serial);
            index.Add(new List<Record> { new Record(constructed, 1), new Record(parameters[0], 2), new Record(generic, 3) }, new MethodBodies());

            Assert.Equal(new[] { "record 1", "record 3" }, index.Of(constructed));
            Assert.Equal(new[] { "record 1", "record 3" }, index.Of(generic));
            Assert.Equal(new[] { "record 2" }, index.Of(parameters[0]));
            Assert.Empty(index.Of(parameters[1]));
        }
    }
}
