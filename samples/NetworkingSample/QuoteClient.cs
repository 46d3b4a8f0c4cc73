using System.Net.Sockets;

namespace NetworkingSample;

/// <summary>A TCP client with buffer sizes copied from an old sample "for performance".</summary>
public sealed class QuoteClient
{
    private const int BufferSize = 64 * 1024;

    public TcpClient Open(string host, int port)
    {
        var client = new TcpClient
        {
            ReceiveBufferSize = 8192, // SOCK001: locks the receive buffer at 16 KiB
            NoDelay = true,
        };

        client.SendBufferSize = BufferSize; // SOCK002: locks the send buffer
        client.Connect(host, port);
        return client;
    }

    public Socket OpenRaw(string host, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, 32 * 1024); // SOCK001
        socket.Connect(host, port);
        return socket;
    }
}
