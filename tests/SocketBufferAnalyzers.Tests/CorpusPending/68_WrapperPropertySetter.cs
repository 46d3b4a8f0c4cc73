// pattern: forwarders (rule 1, property setter wrapper): the wrapper's setter is plumbing; each assignment to the wrapper property is the setting; learned from MQTTnet and NetCoreServer
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.WrapperPropertySetter
{
    /// <summary>A thin wrapper over a stream socket that it creates.</summary>
    public sealed class PortableSocket : IDisposable
    {
        private readonly Socket _socket;

        public PortableSocket(AddressFamily family)
        {
            _socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        }

        public int ReceiveBufferSize
        {
            get => _socket.ReceiveBufferSize;
            set => _socket.ReceiveBufferSize = value;
        }

        public int SendBufferSize
        {
            get { return _socket.SendBufferSize; }
            set { _socket.SendBufferSize = value; }
        }

        public int SendTimeout
        {
            get => _socket.SendTimeout;
            set => _socket.SendTimeout = value;
        }

        public void Connect(EndPoint endPoint) => _socket.Connect(endPoint);

        public void Dispose() => _socket.Dispose();
    }

    public sealed class Settings
    {
        public int Buffer { get; set; }
    }

    public sealed class Caller
    {
        private readonly Settings _settings = new Settings();

        public PortableSocket OpenFixed(EndPoint server)
        {
            var socket = new PortableSocket(AddressFamily.InterNetwork);
            socket.ReceiveBufferSize = {|SOCK001:8192|};
            socket.SendBufferSize = {|SOCK002:8192|};
            socket.SendTimeout = 5000;
            socket.Connect(server);
            return socket;
        }

        public PortableSocket OpenConfigured(EndPoint server)
        {
            var socket = new PortableSocket(AddressFamily.InterNetwork)
            {
                ReceiveBufferSize = {|SOCK006:_settings.Buffer|},
            };
            socket.Connect(server);
            return socket;
        }
    }
}
