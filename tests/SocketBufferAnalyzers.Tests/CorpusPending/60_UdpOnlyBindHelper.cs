// pattern: kind and origin from callers (rule 2): a private helper whose every call passes a datagram socket is UDP; learned from LiteNetLib
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.UdpOnlyBindHelper
{
    internal static class PeerLimits
    {
        public const int DatagramBuffer = 2 * 1024 * 1024;
    }

    /// <summary>
    /// A game-networking peer with one IPv4 and one IPv6 datagram socket, both set up by the same private helper.
    /// The helper's parameter is UDP because both calls pass UDP sockets: clamped (SOCK003), no TCP rule.
    /// </summary>
    public sealed class GamePeer : IDisposable
    {
        private Socket _v4;
        private Socket _v6;

        public bool Start(int port)
        {
            _v4 = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            if (!PrepareAndBind(_v4, new IPEndPoint(IPAddress.Any, port)))
            {
                return false;
            }

            _v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            if (!PrepareAndBind(_v6, new IPEndPoint(IPAddress.IPv6Any, port)))
            {
                _v6 = null;
            }

            return true;
        }

        private static bool PrepareAndBind(Socket socket, IPEndPoint local)
        {
            socket.ReceiveTimeout = 500;
            socket.ReceiveBufferSize = {|SOCK003:PeerLimits.DatagramBuffer|};
            socket.SendBufferSize = {|SOCK003:PeerLimits.DatagramBuffer|};
            try
            {
                socket.Bind(local);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _v4?.Dispose();
            _v6?.Dispose();
            _v4 = null;
            _v6 = null;
        }
    }
}
