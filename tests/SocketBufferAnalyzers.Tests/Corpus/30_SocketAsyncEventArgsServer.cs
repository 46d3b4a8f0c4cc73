using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.SaeaServer
{
    /// <summary>A SocketAsyncEventArgs server in the style of the classic MSDN sample.</summary>
    public sealed class AsyncServer
    {
        private readonly int _receiveBufferSize;
        private readonly Socket _listenSocket;

        public AsyncServer(IPEndPoint localEndPoint, int receiveBufferSize)
        {
            _receiveBufferSize = receiveBufferSize;
            _listenSocket = new Socket(localEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _listenSocket.Bind(localEndPoint);
            _listenSocket.Listen(100);
        }

        public void StartAccept(SocketAsyncEventArgs acceptEventArg)
        {
            if (acceptEventArg == null)
            {
                acceptEventArg = new SocketAsyncEventArgs();
                acceptEventArg.Completed += (_, e) => ProcessAccept(e);
            }
            else
            {
                acceptEventArg.AcceptSocket = null;
            }

            if (!_listenSocket.AcceptAsync(acceptEventArg))
            {
                ProcessAccept(acceptEventArg);
            }
        }

        private void ProcessAccept(SocketAsyncEventArgs e)
        {
            {|SOCK004:e.AcceptSocket.ReceiveBufferSize = {|SOCK006:_receiveBufferSize|}|};
            e.AcceptSocket.SendBufferSize = {|SOCK002:16 * 1024|};
            StartAccept(e);
        }
    }
}
