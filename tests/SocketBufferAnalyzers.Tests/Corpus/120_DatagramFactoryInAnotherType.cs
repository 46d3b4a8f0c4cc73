// pattern: kind from a factory (rule 2 and judgment call 3 of expectations.md, which covers private factories of the same type): a field or local assigned from an internal static factory of another type, whose every return is a datagram socket (assigned in if/else branches, then returned), is UDP: SOCK003 only, no SOCK001/002 in TCP wording; learned from Hazel-Networking (UdpConnection.CreateSocket used by UdpConnectionListener and ThreadLimitedUdpConnectionListener)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.DatagramFactoryInAnotherType
{
    public enum IPMode
    {
        IPv4,
        IPv6,
    }

    public abstract class DatagramConnection
    {
        internal static Socket CreateSocket(IPMode mode)
        {
            Socket socket;
            if (mode == IPMode.IPv4)
            {
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            }
            else
            {
                socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
                socket.DualMode = true;
            }

            try
            {
                socket.DontFragment = false;
            }
            catch (SocketException)
            {
            }

            return socket;
        }
    }

    public sealed class DatagramListener : IDisposable
    {
        private const int SendReceiveBufferSize = 1024 * 1024;

        private readonly Socket _socket;

        public DatagramListener(IPEndPoint local, IPMode mode = IPMode.IPv4)
        {
            _socket = DatagramConnection.CreateSocket(mode);
            _socket.ReceiveBufferSize = {|SOCK003:SendReceiveBufferSize|};
            _socket.SendBufferSize = {|SOCK003:SendReceiveBufferSize|};
            _socket.Bind(local);
        }

        public void Dispose() => _socket.Dispose();
    }

    public static class Probe
    {
        public static Socket Open(IPMode mode)
        {
            var socket = DatagramConnection.CreateSocket(mode);
            socket.ReceiveBufferSize = 64 * 1024;
            return socket;
        }
    }
}
