using System.Net;
using System.Net.Sockets;

namespace NetworkingSample;

/// <summary>UDP has no autotuning: a large receive buffer is legitimate here, and the TCP rules stay silent.</summary>
public static class TelemetryReceiver
{
    public static Socket Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveBufferSize = 128 * 1024;
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }
}
