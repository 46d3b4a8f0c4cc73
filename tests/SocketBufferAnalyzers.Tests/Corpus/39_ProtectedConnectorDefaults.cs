using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.ConnectorBase
{
    /// <summary>
    /// The commonest real form (a JDBC-driver-like connector): a protected field with a non-zero default, applied under a
    /// guard in a derived class.
    /// </summary>
    public abstract class ConnectorBase
    {
        protected int socketRecvBuffer = {|SOCK007:32 * 1024|};
        protected int socketSendBuffer = 0;
        protected int soTimeoutMillis = 30000;

        public void SetReceiveBuffer(int bytes) => socketRecvBuffer = bytes;

        public abstract Socket Open(EndPoint endPoint);
    }

    public sealed class Connector : ConnectorBase
    {
        public override Socket Open(EndPoint endPoint)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveTimeout = soTimeoutMillis;
            if (socketRecvBuffer > 0)
            {
                socket.ReceiveBufferSize = socketRecvBuffer;
            }

            if (socketSendBuffer > 0)
            {
                socket.SendBufferSize = socketSendBuffer;
            }

            socket.Connect(endPoint);
            return socket;
        }
    }
}
