// pattern: timing across methods (rule 4) + origin from callers (rule 2): EndAcceptTcpClient in an APM callback, the session constructor calls a private method that sets a constant; learned from Cowboy (APM server)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.ApmAcceptCallback
{
    public sealed class ApmSession
    {
        private readonly TcpClient _client;

        public ApmSession(TcpClient client)
        {
            _client = client;
            Tune();
        }

        private void Tune()
        {
            {|SOCK004:_client.ReceiveBufferSize = {|SOCK001:{|SOCK003:1024 * 1024|}|}|};
            _client.SendBufferSize = {|SOCK002:64 * 1024|};
        }
    }

    public sealed class ApmServer
    {
        private readonly TcpListener _listener;

        public ApmServer(IPEndPoint endPoint) => _listener = new TcpListener(endPoint);

        public void Start()
        {
            _listener.Start();
            _listener.BeginAcceptTcpClient(OnAccepted, _listener);
        }

        private void OnAccepted(IAsyncResult result)
        {
            var listener = (TcpListener)result.AsyncState;
            TcpClient client = listener.EndAcceptTcpClient(result);
            var session = new ApmSession(client);
            listener.BeginAcceptTcpClient(OnAccepted, listener);
        }
    }
}
