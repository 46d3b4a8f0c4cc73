using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SocketBufferAnalyzers.RepoScan;

/// <summary>
/// Probe analyzers for <c>scan --floors</c>: what an analyzer of the package's shape pays on a repository before it does any
/// work of its own. Each registers what the package's analyzer registers for a type (its start, one operation action for
/// the same kinds, its end; no compilation-end action) and reports nothing:
/// <list type="bullet">
/// <item><c>callbacks</c> reads nothing: the driver's cost of calling the analyzer for every operation of those kinds.</item>
/// <item><c>names</c> reads what finds a catalog member: the called method's name, an assigned property's name, a created type's name.</item>
/// <item><c>reads</c> also reads the type of every argument, assigned value and returned value: the least any analysis that
/// follows sizes and sockets from callers needs (which calls pass a size or a socket).</item>
/// </list>
/// Timed in the same run and on the same compilation recipe as the analyzer, they give the floor its own time stands on.
/// </summary>
public static class FloorProbes
{
    /// <summary>The probes, from the cheapest, each with its name as the scan prints it.</summary>
    public static ImmutableArray<(string Name, DiagnosticAnalyzer Analyzer)> Create() =>
    [
        ("callbacks", new Probe(Reads.None)),
        ("names", new Probe(Reads.Names)),
        ("reads", new Probe(Reads.NamesAndTypes)),
    ];

    private enum Reads
    {
        None,
        Names,
        NamesAndTypes,
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class Probe(Reads reads) : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("PROBE", "Probe", "Probe", "Probe", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        // What was read is kept (once per operation) so that the reads are not optimized away.
        private long _sink;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterSymbolStartAction(
                type =>
                {
                    type.RegisterOperationAction(OnOperation, SocketBufferAnalyzers.Rules.TypeScope.OperationKinds);
                    type.RegisterSymbolEndAction(_ => { });
                },
                SymbolKind.NamedType));
        }

        private void OnOperation(OperationAnalysisContext context)
        {
            if (reads == Reads.None)
            {
                return;
            }

            var read = 0;
            var types = reads == Reads.NamesAndTypes;
            switch (context.Operation)
            {
                case IInvocationOperation invocation:
                    read += invocation.TargetMethod.Name.Length;
                    read += types ? ArgumentTypes(invocation.Arguments) : 0;
                    break;
                case IObjectCreationOperation creation:
                    read += creation.Constructor?.ContainingType.Name.Length ?? 0;
                    read += types ? ArgumentTypes(creation.Arguments) : 0;
                    break;
                case IAssignmentOperation assignment:
                    if (assignment.Target is IPropertyReferenceOperation property)
                    {
                        read += property.Property.Name.Length;
                    }

                    read += types ? TypeOf(assignment.Value) : 0;
                    break;
                case IReturnOperation { ReturnedValue: { } returned } when types:
                    read += TypeOf(returned);
                    break;
                case ISymbolInitializerOperation initializer when types:
                    read += TypeOf(initializer.Value);
                    break;
            }

            Interlocked.Add(ref _sink, read);
        }

        private static int ArgumentTypes(ImmutableArray<IArgumentOperation> arguments)
        {
            var read = 0;
            foreach (var argument in arguments)
            {
                read += TypeOf(argument.Value);
            }

            return read;
        }

        private static int TypeOf(IOperation value) => (int)(value.Type?.SpecialType ?? SpecialType.None);
    }
}
