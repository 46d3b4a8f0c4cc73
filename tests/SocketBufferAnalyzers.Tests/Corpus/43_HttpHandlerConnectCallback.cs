using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.HttpHandler
{
    /// <summary>SocketsHttpHandler.ConnectCallback: the socket is created and tuned inside a lambda.</summary>
    public static class HttpClientFactory
    {
        public static HttpClient CreateDownloader() => new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.ReceiveBufferSize = {|SOCK001:{|SOCK003:1 << 20|}|};
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        });

        public static HttpClient CreateUploader(int sendBufferSize) => new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                if (sendBufferSize > 0)
                {
                    socket.SendBufferSize = sendBufferSize;
                }

                {|SOCK004:socket.ReceiveBufferSize = {|SOCK001:192 * 1024|}|};
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
    }
}
