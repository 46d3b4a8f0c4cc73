using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Corpus.ConnectThenTune
{
    /// <summary>Helpers that connect first and size the receive buffer afterwards.</summary>
    public static class SocketConnector
    {
        public static async Task<Socket> ConnectAsync(EndPoint endPoint, int receiveBufferSize)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endPoint).ConfigureAwait(false);

            // Guarded, so no SOCK006, but the handshake already fixed the window scale.
            if (receiveBufferSize > 0)
            {
                {|SOCK004:socket.ReceiveBufferSize = receiveBufferSize|};
            }

            return socket;
        }

        /// <summary>The caller's socket, connected here: the connection state is tracked within this body.</summary>
        public static void ConnectAndTune(Socket socket, EndPoint endPoint)
        {
            socket.Connect(endPoint);
            {|SOCK004:socket.ReceiveBufferSize = {|SOCK001:96 * 1024|}|};
            socket.SendBufferSize = {|SOCK002:96 * 1024|};
        }

        /// <summary>BeginConnect/EndConnect, then the option call.</summary>
        public static Socket ConnectLegacy(IPEndPoint endPoint, int size)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var result = socket.BeginConnect(endPoint, null, null);
            socket.EndConnect(result);
            if (size > 0)
            {
                {|SOCK004:socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, size)|};
            }

            return socket;
        }
    }
}
