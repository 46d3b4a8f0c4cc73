using System;
using SocketBufferAnalyzers.HostProfile;

// Prints the window-model profile of this host, model-versus-kernel figures measured on 127.0.0.1 TCP
// sockets, and the .editorconfig lines that make the analyzer describe this host (see HostReport; the installable
// `socket-buffers host` command prints the same).
// Exit code: 0 when every figure agrees, 1 when a figure differs, 2 when the host cannot be read.
return HostReport.Run(Console.Out, Console.Error);
