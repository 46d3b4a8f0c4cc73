using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.SyslogReceiver
{
    /// <summary>
    /// A syslog receiver. The field is created as UDP in the constructor (the only creation in the type);
    /// Dispose clears it, which creates no socket of another kind. UDP: no TCP rule applies.
    /// </summary>
    public sealed class SyslogUdpReceiver : IDisposable
    {
        private Socket _socket;

        public SyslogUdpReceiver(int port)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.Bind(new IPEndPoint(IPAddress.Any, port));
        }

        public void Tune()
        {
            _socket.ReceiveBufferSize = 192 * 1024;
            _socket.SendBufferSize = 16 * 1024;
        }

        public int Receive(byte[] buffer) => _socket.Receive(buffer);

        public void Dispose()
        {
            _socket?.Dispose();
            _socket = null;
        }
    }
}
