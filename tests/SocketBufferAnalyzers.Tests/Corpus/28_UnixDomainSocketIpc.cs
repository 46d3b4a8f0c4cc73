using System;
using System.IO;
using System.Net.Sockets;

namespace Corpus.Ipc
{
    /// <summary>
    /// IPC over a Unix domain socket: not TCP, so no autotuning rules; the kernel limit still applies to every socket kind.
    /// </summary>
    public sealed class IpcChannel : IDisposable
    {
        private readonly Socket _socket;

        public IpcChannel(string path)
        {
            _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _socket.SendBufferSize = 64 * 1024;
            _socket.ReceiveBufferSize = {|SOCK003:1024 * 1024|};
            _socket.Connect(new UnixDomainSocketEndPoint(path));
            _socket.ReceiveBufferSize = 128 * 1024;
        }

        public static Socket Datagram()
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.SendBufferSize = 8192;
            return socket;
        }

        public void Dispose() => _socket.Dispose();
    }
}
