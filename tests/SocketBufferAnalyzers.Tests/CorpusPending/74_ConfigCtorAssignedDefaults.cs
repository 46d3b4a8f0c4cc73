// pattern: defaults (rule 3, constant assigned in a configuration constructor) + timing across methods (rule 4, negative: the private helper runs before connecting); learned from Cowboy (clients)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.ConfigCtorAssignedDefaults
{
    public sealed class SocketClientConfiguration
    {
        public SocketClientConfiguration()
            : this(4096)
        {
        }

        public SocketClientConfiguration(int frameBufferSize)
        {
            FrameBufferSize = frameBufferSize;
            ReceiveBufferSize = {|SOCK007:8192|};
            SendBufferSize = {|SOCK007:8192|};
            ReceiveTimeout = TimeSpan.Zero;
            NoDelay = true;
        }

        public int FrameBufferSize { get; set; }

        public int ReceiveBufferSize { get; set; }

        public int SendBufferSize { get; set; }

        public TimeSpan ReceiveTimeout { get; set; }

        public bool NoDelay { get; set; }
    }

    public sealed class SocketClient
    {
        private readonly IPEndPoint _remote;
        private readonly SocketClientConfiguration _configuration;
        private TcpClient _tcpClient;

        public SocketClient(IPEndPoint remote, SocketClientConfiguration configuration = null)
        {
            _remote = remote;
            _configuration = configuration ?? new SocketClientConfiguration();
        }

        public void Connect()
        {
            _tcpClient = new TcpClient(_remote.AddressFamily);
            SetSocketOptions();
            var pending = _tcpClient.BeginConnect(_remote.Address, _remote.Port, null, null);
            _tcpClient.EndConnect(pending);
        }

        private void SetSocketOptions()
        {
            _tcpClient.ReceiveBufferSize = {|SOCK006:_configuration.ReceiveBufferSize|};
            _tcpClient.SendBufferSize = {|SOCK006:_configuration.SendBufferSize|};
            _tcpClient.ReceiveTimeout = (int)_configuration.ReceiveTimeout.TotalMilliseconds;
            _tcpClient.NoDelay = _configuration.NoDelay;
        }
    }
}
