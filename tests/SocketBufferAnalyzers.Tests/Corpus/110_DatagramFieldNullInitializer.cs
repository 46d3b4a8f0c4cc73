// pattern: kind of a field (rule 2 and the "Socket kind" section): a field declared with `= null` (or `= null!`, `= default`) and assigned `new Socket(…Dgram…)` in the method that sets its buffers is UDP there; the null initializer creates no socket and must not make the field unknown (no SOCK001/002 in TCP wording); learned from SocketJack (UdpClient.Connect, UdpClient.cs:41/419-421)
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CorpusPending.DatagramFieldNullInitializer
{
    /// <summary>A datagram peer whose socket field starts as null and is (re)created on every connect.</summary>
    public sealed class DatagramPeer : IDisposable
    {
        private Socket _socket = null;

        public async Task<bool> ConnectAsync(string host, int port)
        {
            try
            {
                var addresses = await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                _socket.ReceiveBufferSize = {|SOCK003:int.MaxValue|};
                _socket.SendBufferSize = {|SOCK003:int.MaxValue|};
                _socket.Bind(new IPEndPoint(IPAddress.Any, 0));
                _socket.Connect(new IPEndPoint(addresses[0], port));
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _socket?.Dispose();
            _socket = null;
        }
    }

    /// <summary>The same with a null-forgiving initializer and a 4 MiB receive buffer.</summary>
    public sealed class TelemetryReceiver
    {
        private Socket _socket = null!;

        public void Start(int port)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _socket.ReceiveBufferSize = {|SOCK003:4 * 1024 * 1024|};
            _socket.SendBufferSize = 64 * 1024;
            _socket.Bind(new IPEndPoint(IPAddress.Any, port));
        }
    }

    /// <summary>Negative control: the same field shape holding a TCP socket keeps the TCP rules.</summary>
    public sealed class StreamPeer
    {
        private Socket? _socket = default;

        public void Connect(EndPoint server)
        {
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _socket.ReceiveBufferSize = {|SOCK001:{|SOCK003:int.MaxValue|}|};
            _socket.SendBufferSize = {|SOCK002:64 * 1024|};
            _socket.Connect(server);
        }
    }
}
