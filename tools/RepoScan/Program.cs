// tools/RepoScan: the scan command alone. See SocketBufferAnalyzers.RepoScan.ScanCommand for options and exit codes.
return await SocketBufferAnalyzers.RepoScan.ScanCommand.RunAsync(args, Console.Out, Console.Error);
