// pattern: timing across methods (rule 4, negative control): the same helpers called only before connecting get no SOCK004; learned from Cowboy (clients)
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CorpusPending.HelpersCalledBeforeConnect
{
    internal static class Tuning
    {
        public static void UseBigBuffers(Socket socket)
        {
            socket.ReceiveBufferSize = {|SOCK001:128 * 1024|};
            socket.SendBufferSize = {|SOCK002:128 * 1024|};
        }

        public static void SetReceive(Socket socket, int size)
        {
            socket.ReceiveBufferSize = size;
        }
    }

    public sealed class Downloader
    {
        public Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Tuning.UseBigBuffers(socket);
            socket.Connect(server);
            return socket;
        }

        public async Task<Socket> OpenSizedAsync(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Tuning.SetReceive(socket, {|SOCK001:96 * 1024|});
            await socket.ConnectAsync(server).ConfigureAwait(false);
            return socket;
        }

        public Socket OpenListener(IPEndPoint local)
        {
            var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(local);
            listener.Listen(64);
            // A listener after Listen(): later connections still get it, so not after the connection.
            Tuning.SetReceive(listener, {|SOCK001:96 * 1024|});
            return listener;
        }
    }
}
