using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Corpus.BlockingServer
{
    /// <summary>A classic blocking server: small buffers on the listening socket and again on each accepted socket.</summary>
    public sealed class TelnetServer
    {
        private const int SmallBuffer = 8 * 1024;

        private volatile bool _running = true;

        public void Run(int port)
        {
            var listenSocket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listenSocket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listenSocket.ReceiveBufferSize = {|SOCK001:SmallBuffer|};
            listenSocket.Bind(new IPEndPoint(IPAddress.Any, port));
            listenSocket.Listen(100);

            while (_running)
            {
                var handler = listenSocket.Accept();

                // Below the 64 KiB clamp fixed at establishment: it takes effect at once, no SOCK004.
                handler.ReceiveBufferSize = {|SOCK001:SmallBuffer|};
                handler.SendBufferSize = {|SOCK002:SmallBuffer|};
                var worker = new Thread(() => Serve(handler)) { IsBackground = true };
                worker.Start();
            }
        }

        public void Stop() => _running = false;

        private static void Serve(Socket handler)
        {
            var buffer = new byte[1024];
            try
            {
                int read;
                while ((read = handler.Receive(buffer)) > 0)
                {
                    handler.Send(buffer, 0, read, SocketFlags.None);
                }
            }
            finally
            {
                handler.Close();
            }
        }
    }
}
