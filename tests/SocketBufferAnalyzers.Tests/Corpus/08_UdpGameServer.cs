using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.GameServer
{
    public sealed class NetConfig
    {
        public int Port { get; set; } = 27015;

        public int MaxPlayers { get; set; } = 64;

        /// <summary>A shipped UDP default under rmem_max: UDP has no autotuning, so this is fine.</summary>
        public int SocketReceiveBuffer { get; set; } = 128 * 1024;

        public int SocketSendBuffer { get; set; } = 128 * 1024;
    }

    /// <summary>Authoritative game server over UDP: snapshots out, inputs in.</summary>
    public sealed class GameServerTransport : IDisposable
    {
        private readonly UdpClient _udp;
        private readonly NetConfig _config;

        public GameServerTransport(NetConfig config)
        {
            _config = config;
            _udp = new UdpClient(config.Port);
            _udp.Client.ReceiveBufferSize = _config.SocketReceiveBuffer;
            _udp.Client.SendBufferSize = _config.SocketSendBuffer;
        }

        public void EnableBurstMode()
        {
            // 64 players × 60 Hz bursts: "make it big". Linux clamps this at rmem_max.
            _udp.Client.ReceiveBufferSize = {|SOCK003:1024 * 1024|};
        }

        public async Task PumpAsync(Action<IPEndPoint, byte[]> onPacket, CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await _udp.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                onPacket(result.RemoteEndPoint, result.Buffer);
            }
        }

        public void Dispose() => _udp.Dispose();
    }
}
