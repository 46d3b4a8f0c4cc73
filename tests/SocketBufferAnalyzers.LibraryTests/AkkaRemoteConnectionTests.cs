using System;
using System.Linq;
using System.Threading.Tasks;
using Akka.Actor;
using Akka.Configuration;
using SocketBufferAnalyzers.ConformanceTests;
using SocketBufferAnalyzers.LibraryTests.Loopback;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.LibraryTests
{
    /// <summary>
    /// Akka.Remote's classic transport (dot-netty.tcp) ships receive-buffer-size = send-buffer-size = 256000b and
    /// passes them to DotNetty as SO_RCVBUF/SO_SNDBUF options on the client bootstrap and on the server bootstrap's
    /// listening socket. Two actor systems on 127.0.0.1 associate (one Identify); <c>ss</c> then shows both ends.
    /// </summary>
    public sealed class AkkaRemoteConnectionTests(ITestOutputHelper output)
    {
        private static readonly TimeSpan Patience = SocketStatistics.Patience;

        [LoopbackFact]
        public async Task DefaultLocksTheClientsBuffersAndTheAcceptedReceiveBuffer()
        {
            const int ExpectedDefault = 256000; // the knob row's claim: dot-netty.tcp receive-/send-buffer-size
            var receive = Host.Model(ExpectedDefault, BufferSide.Receive, api: SetterApi.SocketProperty);
            var send = Host.Model(ExpectedDefault, BufferSide.Send, api: SetterApi.SocketProperty);
            var config = ConfigurationFactory.ParseString(@"
                akka.loglevel = WARNING
                akka.actor.provider = remote
                akka.remote.dot-netty.tcp.hostname = 127.0.0.1
                akka.remote.dot-netty.tcp.port = 0");
            var client = ActorSystem.Create("client", config);
            var server = ActorSystem.Create("server", config);
            try
            {
                var serverAddress = ((ExtendedActorSystem)server).Provider.DefaultAddress;
                var port = serverAddress.Port!.Value;
                var identity = await client.ActorSelection(serverAddress + "/user").Ask<ActorIdentity>(new Identify(1), Patience);

                var outbound = WaitForOne("dport", port);
                var accepted = WaitForOne("sport", port);

                var c = new Comparison(output, "Akka.Remote 1.5.74, two actor systems on 127.0.0.1, dot-netty.tcp defaults");
                c.Check("association made (Identify answered)", "yes", identity.Subject is null ? "no" : "yes", identity.Subject is not null);
                c.Equal("client end rb: 256000 (model EffectiveBuffer)", receive.EffectiveBuffer, outbound.Socket.ReceiveBuffer);
                c.Equal("client end tb: 256000 (model EffectiveBuffer)", send.EffectiveBuffer, outbound.Socket.SendBuffer);
                c.Equal("accepted end rb: inherited from the listener's SO_RCVBUF", receive.EffectiveBuffer, accepted.Socket.ReceiveBuffer);
                c.Check("accepted end tb: not set (the listener ignores SoSndbuf)", "!= " + Comparison.N(send.EffectiveBuffer), accepted.Socket.SendBuffer, accepted.Socket.SendBuffer != send.EffectiveBuffer);
                Timing.CheckScale(c, receive, outbound.Socket, "client end, set before Connect");
                Timing.CheckScale(c, receive, accepted.Socket, "accepted end, inherited from the listener");
                c.Note($"ss -Htmin state established dport = :{port}  /  sport = :{port}");
                c.Note("client end: " + outbound.Socket.Raw);
                c.Note("accepted end: " + accepted.Socket.Raw);
                c.Verify();
            }
            finally
            {
                await Task.WhenAll(client.Terminate(), server.Terminate()).WaitAsync(Patience);
            }
        }

        /// <summary>The one established socket with the given local ("sport") or remote ("dport") port, once it exists.</summary>
        private static (string Local, string Peer, SocketEntry Socket) WaitForOne(string side, int port)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var found = SocketStatistics.ReadAll(side, "=", ":" + port);
                if (found.Count == 1)
                {
                    return found[0];
                }

                if (waited.Elapsed > Patience)
                {
                    throw new TimeoutException($"expected one socket with {side} {port}, ss showed {found.Count}: " + string.Join(" | ", found.Select(f => f.Socket.Raw)));
                }

                System.Threading.Thread.Sleep(50);
            }
        }
    }
}
