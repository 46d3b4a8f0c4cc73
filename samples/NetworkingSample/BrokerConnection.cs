using System.Net.Sockets;

namespace NetworkingSample;

/// <summary>The commonest real form: an option with a shipped default, applied when positive (SOCK007).</summary>
public sealed class BrokerOptions
{
    /// <summary>Socket receive buffer in bytes; 0 leaves the kernel's autotuning on.</summary>
    public int ReceiveBufferSize { get; set; } = 32 * 1024;
}

public static class BrokerConnection
{
    public static TcpClient Open(string host, int port, BrokerOptions options)
    {
        var client = new TcpClient();
        if (options.ReceiveBufferSize > 0)
        {
            client.ReceiveBufferSize = options.ReceiveBufferSize;
        }

        client.Connect(host, port);
        return client;
    }
}
