using System.Net;
using System.Net.Sockets;
using NetworkingSample;

// A small program with the socket buffer settings that old samples taught: build it to see the analyzer's warnings.
var client = new QuoteClient();
Console.WriteLine($"Quote client ready: {client}");
Console.WriteLine($"Telemetry receiver bound to {TelemetryReceiver.Bind(0).LocalEndPoint}");
