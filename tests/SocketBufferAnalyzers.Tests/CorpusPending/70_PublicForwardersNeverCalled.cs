// pattern: forwarders (rule 1, public API never called) + timing (rule 4 needs a call): option properties over an accepted or created socket, never assigned in the compilation, are silent; learned from NetCoreServer (negative control)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.PublicForwardersNeverCalled
{
    public class Session
    {
        private byte[] _receiveBuffer = Array.Empty<byte>();

        public Socket Socket { get; private set; }

        public int OptionReceiveBufferSize
        {
            get => Socket.ReceiveBufferSize;
            set => Socket.ReceiveBufferSize = value;
        }

        public int OptionSendBufferSize
        {
            get => Socket.SendBufferSize;
            set => Socket.SendBufferSize = value;
        }

        internal void Attach(Socket socket)
        {
            Socket = socket;
            // A read sizes the application buffer: not a setting.
            _receiveBuffer = new byte[OptionReceiveBufferSize];
        }
    }

    public class Server
    {
        private readonly Socket _acceptor;

        public Server(IPEndPoint endPoint)
        {
            _acceptor = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _acceptor.Bind(endPoint);
            _acceptor.Listen(128);
        }

        public Session AcceptOne()
        {
            var session = new Session();
            session.Attach(_acceptor.Accept());
            return session;
        }
    }

    public class Client
    {
        public Socket Socket { get; private set; }

        public int OptionReceiveBufferSize
        {
            get => Socket.ReceiveBufferSize;
            set => Socket.ReceiveBufferSize = value;
        }

        public void Connect(EndPoint endPoint)
        {
            Socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            Socket.Connect(endPoint);
        }
    }
}
