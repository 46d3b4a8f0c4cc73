// editorconfig: socket_buffer.linux_kernel = 6.8.0-45-generic
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.KafkaLinux68
{
    /// <summary>
    /// The Netflix/Kafka regression: on 6.6–6.9 a locked 64 KiB receive buffer advertises only ≈33 KB of window.
    /// Set after connecting, even 128 KiB stays at the ≈33 KB clamp fixed at establishment.
    /// </summary>
    public sealed class FetchSession
    {
        private const int ReceiveBufferBytes = 64 * 1024;

        public async Task<Socket> OpenAsync(EndPoint broker)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveBufferSize = {|SOCK001:ReceiveBufferBytes|};
            await socket.ConnectAsync(broker).ConfigureAwait(false);
            return socket;
        }

        public async Task<Socket> OpenLateAsync(EndPoint broker)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(broker).ConfigureAwait(false);
            {|SOCK004:socket.ReceiveBufferSize = {|SOCK001:2 * ReceiveBufferBytes|}|};
            return socket;
        }
    }
}
