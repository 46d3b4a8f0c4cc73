// pattern: timing across methods (rule 4, a session constructor that receives an accepted TcpClient) + origin from callers (rule 2); learned from Cowboy (APM and TAP servers)
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CorpusPending.SessionCtorAccepted
{
    public sealed class ServerConfiguration
    {
        /// <summary>No shipped default here: only the configured value and its timing are judged.</summary>
        public int ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }
    }

    public sealed class Session
    {
        private readonly TcpClient _tcpClient;
        private readonly ServerConfiguration _configuration;

        public Session(TcpClient tcpClient, ServerConfiguration configuration)
        {
            _tcpClient = tcpClient ?? throw new ArgumentNullException(nameof(tcpClient));
            _configuration = configuration;
            SetSocketOptions();
        }

        private void SetSocketOptions()
        {
            {|SOCK004:_tcpClient.ReceiveBufferSize = {|SOCK006:_configuration.ReceiveBufferSize|}|};
            _tcpClient.SendBufferSize = {|SOCK006:_configuration.SendBufferSize|};
        }
    }

    public sealed class Server
    {
        private readonly TcpListener _listener;
        private readonly ServerConfiguration _configuration = new ServerConfiguration();

        public Server(IPEndPoint endPoint)
        {
            _listener = new TcpListener(endPoint);
        }

        public async Task AcceptLoop()
        {
            _listener.Start();
            while (true)
            {
                var tcpClient = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                _ = Serve(tcpClient);
            }
        }

        private Task Serve(TcpClient accepted)
        {
            var session = new Session(accepted, _configuration);
            return Task.CompletedTask;
        }
    }
}
