using System.Reflection;
using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.RepoScan;

// socket-buffers host | scan <folder> [options]
const string usage = """
    socket-buffers — SocketBufferAnalyzers on the command line
      socket-buffers host                 describe this Linux host: kernel profile, model-versus-kernel figures
                                          measured on 127.0.0.1, and the .editorconfig lines for the analyzer
      socket-buffers scan <folder> [...]  run the analyzer over every .cs under <folder> without building it
                                          (socket-buffers scan --help for its options)
      socket-buffers --version
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}

switch (args[0])
{
    case "host":
        if (args.Length > 1)
        {
            Console.Error.WriteLine("socket-buffers host takes no arguments.");
            return 2;
        }

        return HostReport.Run(Console.Out, Console.Error);
    case "scan":
        return await ScanCommand.RunAsync(args[1..], Console.Out, Console.Error);
    case "--version":
        Console.WriteLine(Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]);
        return 0;
    default:
        Console.Error.WriteLine($"socket-buffers: unknown command {args[0]}");
        Console.Error.WriteLine(usage);
        return 2;
}
