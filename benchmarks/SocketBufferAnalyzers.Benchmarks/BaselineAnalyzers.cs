using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketBufferAnalyzers.Benchmarks;

/// <summary>
/// Registers exactly the callbacks SocketBufferAnalyzer registers (compilation start; symbol start on named types with
/// operation actions of the same kinds and a symbol end; compilation end) and does nothing in them: what the analyzer's
/// shape costs in the driver, before any of its own work. Keep it in step with SocketBufferAnalyzer.Initialize,
/// AnalysisSession.OnTypeStart and TypeScope.Register.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NullAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "NULL001", "Null analyzer", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSymbolStartAction(
                symbol =>
                {
                    symbol.RegisterOperationAction(_ => { }, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
                    symbol.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                    symbol.RegisterOperationAction(_ => { }, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
                    symbol.RegisterSymbolEndAction(_ => { });
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(_ => { });
        });
    }
}

/// <summary>Registers nothing: the floor (driver plus compilation), as roslyn-analyzers' EmptyAnalyzer baseline.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "EMPTY001", "Empty analyzer", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
    }
}

/// <summary>Loads one rule of Microsoft.CodeAnalysis.NetAnalyzers from the restored package folder.</summary>
internal static class ReferenceRule
{
    public static string PackageVersion =>
        typeof(ReferenceRule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "NetAnalyzersVersion").Value!;

    /// <summary>The analyzer (of the package's C# analyzers) whose SupportedDiagnostics contain <paramref name="id"/>.</summary>
    public static DiagnosticAnalyzer Load(string id)
    {
        var root = typeof(ReferenceRule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "NetAnalyzersPath").Value;
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
        {
            throw new InvalidOperationException($"Microsoft.CodeAnalysis.NetAnalyzers is not restored (package path '{root}').");
        }

        var folder = Path.Combine(root, "analyzers", "dotnet", "cs");
        var found = new List<DiagnosticAnalyzer>();
        foreach (var dll in new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" })
        {
            var assembly = Assembly.LoadFrom(Path.Combine(folder, dll));
            foreach (var type in LoadableTypes(assembly))
            {
                if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
                {
                    continue;
                }

                var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
                if (attribute == null || !attribute.Languages.Contains(LanguageNames.CSharp) || type.GetConstructor(Type.EmptyTypes) == null)
                {
                    continue;
                }

                var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
                if (analyzer.SupportedDiagnostics.Any(d => d.Id == id))
                {
                    found.Add(analyzer);
                }
            }
        }

        return found.Count == 1
            ? found[0]
            : throw new InvalidOperationException($"Expected one C# analyzer for {id} in {folder}, found {found.Count}: {string.Join(", ", found.Select(a => a.GetType().FullName))}");
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.Where(t => t != null)!;
        }
    }
}
