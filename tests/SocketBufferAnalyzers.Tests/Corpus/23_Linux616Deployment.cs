// editorconfig: socket_buffer.linux_kernel = 6.16
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.Linux616
{
    /// <summary>
    /// Linux 6.16: tcp_rmem[2] is 32 MiB (autotuning reaches ≈22 MB of window), rmem_max is still 212 992.
    /// </summary>
    public sealed class BackupAgent
    {
        public async Task<Socket> ConnectAsync(IPEndPoint target)
        {
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveBufferSize = {|SOCK001:{|SOCK003:1024 * 1024|}|};
            await socket.ConnectAsync(target).ConfigureAwait(false);
            return socket;
        }

        public async Task<Socket> ConnectThenTuneAsync(IPEndPoint target)
        {
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(target).ConfigureAwait(false);

            // Before connecting this would give ≈169 KiB of window; now the 131 072-byte default fixed ≈84 KiB.
            {|SOCK004:socket.ReceiveBufferSize = {|SOCK001:128 * 1024|}|};
            return socket;
        }
    }
}
