// pattern: a constant the user sets through an option object initializer (`new ClientConfig { ReceiveBufferSize = 2 }`) or passes as a constructor argument stored in the field the setter reads (`new Framer(1000)`) reaches the socket like a forwarder call: SOCK001/002/003/005 at the constant (today nothing; the assignment-statement form is seen, see 113); learned from Nager.TcpClient (SendReceiveTcpClientTest: TcpClientConfig { ReceiveBufferSize = 2 }) and the Riptide judgment in expectations.md ("constants still flow through such a field")
using System;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CorpusPending.OptionObjectInitializerAndCtorArgument
{
    public sealed class ClientConfig
    {
        public int ReceiveBufferSize { get; set; } = {|SOCK007:8192|};

        public int SendBufferSize { get; set; } = {|SOCK007:8192|};

        public bool NoDelay { get; set; }
    }

    public sealed class LineClient
    {
        private readonly ClientConfig _config;

        public LineClient(ClientConfig? config = null) => _config = config ?? new ClientConfig();

        public async Task<TcpClient> ConnectAsync(string host, int port)
        {
            var client = new TcpClient
            {
                ReceiveBufferSize = {|SOCK006:_config.ReceiveBufferSize|},
                SendBufferSize = {|SOCK006:_config.SendBufferSize|},
                NoDelay = _config.NoDelay,
            };
            await client.ConnectAsync(host, port).ConfigureAwait(false);
            return client;
        }
    }

    public sealed class Framer
    {
        private readonly int _sendBufferSize;

        public Framer(int sendBufferSize) => _sendBufferSize = sendBufferSize;

        public void Apply(Socket socket) => socket.SendBufferSize = {|SOCK006:_sendBufferSize|};
    }

    public static class Tests
    {
        public static Task<TcpClient> TinyReceiveBuffer()
        {
            var config = new ClientConfig
            {
                ReceiveBufferSize = {|SOCK005:2|},
            };
            return new LineClient(config).ConnectAsync("localhost", 4242);
        }

        public static Task<TcpClient> FragmentedReceive()
        {
            var length = 1000;
            var fragments = 3;
            return new LineClient(new ClientConfig { ReceiveBufferSize = {|SOCK005:length / fragments|} }).ConnectAsync("localhost", 4242);
        }

        public static void SmallFrames(Socket socket)
        {
            new Framer({|SOCK005:1000|}).Apply(socket);
        }
    }
}
