using System;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MongoDB.Driver;
using SocketBufferAnalyzers.ConformanceTests;
using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.LibraryTests.Loopback;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.LibraryTests
{
    /// <summary>
    /// MongoDB.Driver sets 64 KiB on both buffers of every connection after Connect (TcpStreamFactory
    /// .ConfigureConnectedSocket). The fake server accepts the driver's first connection (its server monitor), answers
    /// the monitor's hello with the header of a 40 MB reply and streams <see cref="Bulk"/> bytes of it, which the
    /// driver reads as fast as they arrive; then <c>ss</c> shows whether the buffer grew and the server's TCP_INFO
    /// (tcpi_snd_wnd) the largest window the driver's socket advertised. A plain socket that sets nothing receives
    /// the same stream from the same server as the control: its buffer does grow.
    /// </summary>
    public sealed class MongoDriverConnectionTests(ITestOutputHelper output)
    {
        private const int Mss = 1460;
        private const int Bulk = 16 << 20;
        private const int Chunk = 64 * 1024;
        private const int ClaimedReply = 40_000_000; // below the driver's 48 000 000 limit before the handshake

        [LoopbackFact(RequiresReceiveAutotuning = true)]
        public async Task DefaultLocksBothBuffersAfterConnectAndTheWindowStaysAtTheEstablishmentClamp()
        {
            var expectedDefault = 64 * 1024; // the knob row's claim: TcpStreamSettings default, both buffers
            var profile = Host.Profile;
            var receive = Host.Model(expectedDefault, BufferSide.Receive, SetTiming.AfterConnect);
            var send = Host.Model(expectedDefault, BufferSide.Send, SetTiming.AfterConnect);
            using var server = FakeServer.Start(maxSegment: Mss);
            var (seenCommand, atConnect, stream, afterwards) = await RunDriverAsync(server, null, receive.EffectiveBuffer);

            // Control: the same stream from an identical server into a socket that sets nothing.
            using var controlServer = FakeServer.Start(maxSegment: Mss);
            using var control = LoopbackPair.NewTcpSocket();
            await control.ConnectAsync(controlServer.EndPoint);
            using var controlAccepted = await controlServer.AcceptAsync();
            var draining = Task.Run(() => Drain(control, Bulk + 4));
            var controlStream = Stream(controlAccepted);
            await draining.WaitAsync(SocketStatistics.Patience);
            var controlSocket = SocketStatistics.WaitFor((System.Net.IPEndPoint)control.LocalEndPoint!, controlServer.EndPoint);

            var grain = 1L << stream.PeerScale;
            var c = new Comparison(output, $"MongoDB.Driver 3.14 server-monitor connection, library default; {Bulk} bytes streamed to it (server MSS {Mss})");
            c.Equal("rb once connected (model EffectiveBuffer, AfterConnect)", receive.EffectiveBuffer, atConnect.ReceiveBuffer);
            c.Equal("tb once connected (model EffectiveBuffer, AfterConnect)", send.EffectiveBuffer, atConnect.SendBuffer);
            Timing.CheckScale(c, receive, atConnect, "the driver sets it after Connect");
            c.Equal("rb after the stream: locked, autotuning never moved it", receive.EffectiveBuffer, afterwards.ReceiveBuffer);
            c.Check("largest window the driver advertised (server's tcpi_snd_wnd)", "<= tcp_rmem[1] + 2^scale = " + Comparison.N(profile.TcpRmem.Default + grain), stream.MaxPeerWindow, stream.MaxPeerWindow <= profile.TcpRmem.Default + grain);
            c.Check("control socket (nothing set): rb grows past tcp_rmem[1]", "> " + Comparison.N(profile.TcpRmem.Default), controlSocket.ReceiveBuffer, controlSocket.ReceiveBuffer > profile.TcpRmem.Default);
            c.Note($"model MaxWindowAfter {receive.MaxWindowAfter}, ClampAtEstablishment {receive.ClampAtEstablishment}; control's largest window {controlStream.MaxPeerWindow}");
            c.Note(seenCommand);
            c.Note("at connect: " + atConnect.Raw);
            c.Note("after the stream: " + afterwards.Raw);
            c.Note("control after the stream: " + controlSocket.Raw);
            c.Verify();
        }

        /// <summary>
        /// Linux 5.14+ has SO_BUF_LOCK (72): writing 0 clears the SOCK_RCVBUF_LOCK/SOCK_SNDBUF_LOCK that SO_RCVBUF and
        /// SO_SNDBUF set. The driver runs TcpStreamSettings.SocketConfigurator right after its own buffer sizes
        /// (TcpStreamFactory.ConfigureConnectedSocket), so a user can hand autotuning back without touching the sizes.
        /// </summary>
        [LoopbackFact(RequiresReceiveAutotuning = true, RequiresSoBufLock = true)]
        public async Task SocketConfiguratorClearingSoBufLockHandsTheBufferBackToAutotuning()
        {
            var profile = Host.Profile;
            var receive = Host.Model(64 * 1024, BufferSide.Receive, SetTiming.AfterConnect);
            using var server = FakeServer.Start(maxSegment: Mss);
            Action<MongoDB.Driver.Core.Configuration.ClusterBuilder> unlock = builder => builder.ConfigureTcp(tcp => tcp.With(
                socketConfigurator: (Action<Socket>)(socket => socket.SetRawSocketOption(SolSocket, SoBufLock, BitConverter.GetBytes(0)))));
            var (seenCommand, atConnect, stream, afterwards) = await RunDriverAsync(server, unlock, null);

            var c = new Comparison(output, $"MongoDB.Driver 3.14, SocketConfigurator writes SO_BUF_LOCK = 0; {Bulk} bytes streamed to it (server MSS {Mss})");
            c.Equal("rb once connected: the driver's 64 KiB still set", receive.EffectiveBuffer, atConnect.ReceiveBuffer);
            c.Check("rb after the stream: autotuning grew it", "> " + Comparison.N(receive.EffectiveBuffer), afterwards.ReceiveBuffer, afterwards.ReceiveBuffer > receive.EffectiveBuffer);
            c.Check("within tcp_rmem[2]", "<= " + Comparison.N(profile.TcpRmem.Max), afterwards.ReceiveBuffer, afterwards.ReceiveBuffer <= profile.TcpRmem.Max);
            c.Note($"largest window the driver advertised {stream.MaxPeerWindow}");
            c.Note(seenCommand);
            c.Note("at connect: " + atConnect.Raw);
            c.Note("after the stream: " + afterwards.Raw);
            c.Verify();
        }

        private const int SolSocket = 1;
        private const int SoBufLock = 72;

        private static async Task<(string Command, SocketEntry AtConnect, StreamStats Stream, SocketEntry Afterwards)> RunDriverAsync(
            FakeServer server, Action<MongoDB.Driver.Core.Configuration.ClusterBuilder>? configure, long? receiveBufferAtConnect)
        {
            var settings = MongoClientSettings.FromConnectionString(
                $"mongodb://127.0.0.1:{server.Port}/?directConnection=true&connectTimeoutMS=60000&serverSelectionTimeoutMS=120000");
            settings.ClusterConfigurator = configure;
            using var mongo = new MongoClient(settings);

            // The constructor starts the server monitor, which connects at once; a command makes sure of it.
            await using var seen = await Observation.StartAsync(server, async token =>
            {
                try
                {
                    await mongo.ListDatabaseNamesAsync(token);
                }
                catch (Exception e) when (e is OperationCanceledException or TimeoutException or MongoException)
                {
                }
            });
            // The driver sets the receive buffer, then the send buffer: wait for both (the same 64 KiB, so the same doubled size),
            // or a snapshot between the two calls reads the send buffer before the driver set it.
            var atConnect = seen.ClientSocket(s => receiveBufferAtConnect is null || (s.ReceiveBuffer == receiveBufferAtConnect && s.SendBuffer == receiveBufferAtConnect));
            var stream = Stream(seen.Accepted);
            var afterwards = seen.ClientSocket();
            return (seen.Command, atConnect, stream, afterwards);
        }

        private sealed record StreamStats(long MaxPeerWindow, int PeerScale);

        /// <summary>Sends a reply header announcing <see cref="ClaimedReply"/> bytes, then <see cref="Bulk"/> bytes of it.</summary>
        private static StreamStats Stream(Socket accepted)
        {
            accepted.SendTimeout = (int)SocketStatistics.Patience.TotalMilliseconds;
            var header = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(header, ClaimedReply);
            accepted.Send(header);
            var chunk = new byte[Chunk];
            long maxWindow = 0;
            for (var sent = 0; sent < Bulk; sent += Chunk)
            {
                accepted.Send(chunk);
                maxWindow = Math.Max(maxWindow, TcpInfo.Read(accepted).SendWindow ?? 0);
            }

            return new StreamStats(maxWindow, TcpInfo.Read(accepted).SendScale);
        }

        private static void Drain(Socket socket, int bytes)
        {
            socket.ReceiveTimeout = (int)SocketStatistics.Patience.TotalMilliseconds;
            var buffer = new byte[Chunk];
            for (var received = 0; received < bytes;)
            {
                var n = socket.Receive(buffer);
                if (n == 0)
                {
                    throw new InvalidOperationException("control connection closed after " + received + " bytes");
                }

                received += n;
            }
        }
    }
}
