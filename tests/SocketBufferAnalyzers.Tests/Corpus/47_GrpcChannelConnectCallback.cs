using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.GrpcLike
{
    public sealed class ChannelOptions
    {
        public int SocketReceiveBufferSize { get; set; } = {|SOCK003:{|SOCK007:256 * 1024|}|};

        public int SocketSendBufferSize { get; set; }

        public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);
    }

    /// <summary>A gRPC-like channel builder: the options are captured by the handler's ConnectCallback.</summary>
    public static class ChannelFactory
    {
        public static HttpMessageHandler CreateHandler(ChannelOptions options) => new SocketsHttpHandler
        {
            KeepAlivePingDelay = options.KeepAlivePingDelay,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.ReceiveBufferSize = {|SOCK006:options.SocketReceiveBufferSize|};
                if (options.SocketSendBufferSize > 0)
                {
                    socket.SendBufferSize = options.SocketSendBufferSize;
                }

                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
    }
}
