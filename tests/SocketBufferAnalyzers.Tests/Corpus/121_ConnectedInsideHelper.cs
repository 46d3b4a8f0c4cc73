// pattern: timing across methods (rule 4): the caller connects the socket through its own helper (`await ConnectAsync(socket, endPoint)`, `Connect(socket, endPoint)`) and only then configures it through another helper; the receive setting is after the connection (SOCK004 naming the caller), as when the caller calls socket.ConnectAsync itself; learned from MongoDB.Driver (TcpStreamFactory.CreateStreamAsync -> ConnectAsync(socket, …) -> CreateNetworkStream -> ConfigureConnectedSocket)
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.ConnectedInsideHelper
{
    public sealed class StreamSettings
    {
        public int ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }
    }

    public sealed class StreamFactory
    {
        private readonly StreamSettings _settings;

        public StreamFactory(StreamSettings settings) => _settings = settings;

        public async Task<NetworkStream> CreateStreamAsync(EndPoint endPoint, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await ConnectAsync(socket, endPoint, cancellationToken).ConfigureAwait(false);
            return CreateNetworkStream(socket);
        }

        public NetworkStream CreateStream(EndPoint endPoint)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Connect(socket, endPoint);
            return CreateNetworkStream(socket);
        }

        private static async Task ConnectAsync(Socket socket, EndPoint endPoint, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(endPoint, timeout.Token).ConfigureAwait(false);
        }

        private static void Connect(Socket socket, EndPoint endPoint) => socket.Connect(endPoint);

        private NetworkStream CreateNetworkStream(Socket socket)
        {
            ConfigureConnectedSocket(socket);
            return new NetworkStream(socket, ownsSocket: true);
        }

        private void ConfigureConnectedSocket(Socket socket)
        {
            socket.NoDelay = true;
            {|SOCK004:socket.ReceiveBufferSize = {|SOCK006:_settings.ReceiveBufferSize|}|};
            socket.SendBufferSize = {|SOCK006:_settings.SendBufferSize|};
        }
    }
}
