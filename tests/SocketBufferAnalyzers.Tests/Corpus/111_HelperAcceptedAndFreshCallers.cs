// pattern: timing across methods (rule 4) with a mixed join: one tuning helper is called on accepted TcpClients and on fresh ones before ConnectAsync; "may already be connected or was accepted" holds at the accepting call, so the helper's receive settings get SOCK004 (the join of the two origins once hid the accepted one); learned from SocketJack (TcpForwardingBufferProfile.ConfigureStreamingSocket via TcpDuplicator)
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.HelperAcceptedAndFreshCallers
{
    internal static class StreamingProfile
    {
        public const int NormalSize = 128 * 1024;
        public const int StressedSize = 64 * 1024;

        public static int SizeFor(int sessions) => sessions >= 8 ? StressedSize : NormalSize;

        public static void Configure(TcpClient client, int sessions)
        {
            client.NoDelay = true;
            int size = SizeFor(sessions);
            try
            {
                {|SOCK004:client.ReceiveBufferSize = {|SOCK006:size|}|};
                client.SendBufferSize = {|SOCK006:size|};
            }
            catch (SocketException)
            {
                {|SOCK004:client.ReceiveBufferSize = {|SOCK001:NormalSize|}|};
                client.SendBufferSize = {|SOCK002:NormalSize|};
            }
        }
    }

    /// <summary>A TCP forwarder: each accepted client is paired with a fresh upstream connection.</summary>
    public sealed class Forwarder
    {
        private readonly TcpListener _listener;
        private readonly string _upstreamHost;
        private readonly int _upstreamPort;
        private int _sessions;

        public Forwarder(IPEndPoint local, string upstreamHost, int upstreamPort)
        {
            _listener = new TcpListener(local);
            _upstreamHost = upstreamHost;
            _upstreamPort = upstreamPort;
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            _listener.Start();
            while (!cancellationToken.IsCancellationRequested)
            {
                TcpClient downstream = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                Tune(downstream);

                var upstream = new TcpClient();
                Tune(upstream);
                await upstream.ConnectAsync(_upstreamHost, _upstreamPort, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _sessions);
            }
        }

        private void Tune(TcpClient client) => StreamingProfile.Configure(client, Volatile.Read(ref _sessions));
    }
}
