using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace SocketBufferAnalyzers.HostProfile
{
    /// <summary>
    /// A TCP connection over 127.0.0.1 only (never another address), with hooks at the points where a buffer
    /// setting differs in effect: on the listener before or after Listen(), on the client before Connect().
    /// Connecting and accepting are bounded by <see cref="Timeout"/>.
    /// </summary>
    internal sealed class LoopbackPair : IDisposable
    {
        /// <summary>Upper bound for connect, accept, and any single send or receive on the pair.</summary>
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        private LoopbackPair(Socket client, Socket accepted)
        {
            Client = client;
            Accepted = accepted;
        }

        /// <summary>The connecting socket.</summary>
        public Socket Client { get; }

        /// <summary>The socket Accept() returned on the listening side.</summary>
        public Socket Accepted { get; }

        public static Socket NewTcpSocket() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public static LoopbackPair Open(
            Action<Socket>? clientBeforeConnect = null,
            Action<Socket>? listenerBeforeListen = null,
            Action<Socket>? listenerAfterListen = null)
        {
            using var listener = NewTcpSocket();
            listenerBeforeListen?.Invoke(listener);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            listenerAfterListen?.Invoke(listener);

            var client = NewTcpSocket();
            try
            {
                clientBeforeConnect?.Invoke(client);
                using (var cts = new CancellationTokenSource(Timeout))
                {
                    var accept = listener.AcceptAsync(cts.Token).AsTask();
                    client.ConnectAsync(listener.LocalEndPoint!, cts.Token).AsTask().GetAwaiter().GetResult();
                    var accepted = accept.GetAwaiter().GetResult();
                    foreach (var s in new[] { client, accepted })
                    {
                        s.SendTimeout = (int)Timeout.TotalMilliseconds;
                        s.ReceiveTimeout = (int)Timeout.TotalMilliseconds;
                    }

                    return new LoopbackPair(client, accepted);
                }
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Client.Dispose();
            Accepted.Dispose();
        }
    }
}
