using System.Reflection;
using SocketBufferAnalyzers.Charts;
using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.Model;
using SocketBufferAnalyzers.RepoScan;

// socket-buffers host | scan <folder> [options]
const string usage = """
    socket-buffers — SocketBufferAnalyzers on the command line
      socket-buffers host [--chart F.svg] describe this Linux host: kernel profile, model-versus-kernel figures
                                          measured on 127.0.0.1, and the .editorconfig lines for the analyzer;
                                          --chart writes the throughput-against-RTT chart for this host's profile
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
        string? chart = null;
        if (args.Length == 3 && args[1] == "--chart")
        {
            chart = args[2];
        }
        else if (args.Length > 1)
        {
            Console.Error.WriteLine("socket-buffers host takes only --chart <file.svg>.");
            return 2;
        }

        var status = HostReport.Run(Console.Out, Console.Error);
        if (chart != null && HostKernel.TryRead(out var host, out _) && host != null)
        {
            // The same chart as docs/images, drawn by the window model for the measured profile.
            var profile = host.ToProfile();
            File.WriteAllText(chart, ThroughputChart.Render(profile, BufferSide.Receive, LinkProfile.Default, profileLabel: "this host (Linux " + host.Version + ")"));
            Console.Error.WriteLine("chart written to " + chart);
        }

        return status;
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
