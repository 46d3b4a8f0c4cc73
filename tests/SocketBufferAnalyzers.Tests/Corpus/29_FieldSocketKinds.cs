using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.FieldKinds
{
    /// <summary>Fields of proven kinds: every assignment in the type creates that kind.</summary>
    public sealed class DualTransport : IDisposable
    {
        private readonly Socket _control;
        private readonly Socket _media;
        private readonly UdpClient _discovery = new UdpClient(0);

        public DualTransport()
        {
            _control = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _media = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        }

        public void Configure()
        {
            _control.ReceiveBufferSize = {|SOCK001:16 * 1024|};
            _media.ReceiveBufferSize = 16 * 1024;
            _media.SendBufferSize = 16 * 1024;
            _discovery.Client.ReceiveBufferSize = 4096;
        }

        public void Dispose()
        {
            _control.Dispose();
            _media.Dispose();
            _discovery.Dispose();
        }
    }

    /// <summary>A socket handed in by the caller: unknown kind, TCP rules report.</summary>
    public sealed class Session
    {
        private readonly Socket _socket;

        public Session(Socket socket)
        {
            _socket = socket;
        }

        public void Start()
        {
            _socket.SendBufferSize = {|SOCK002:8192|};
        }
    }
}
