// pattern: kind and origin from callers (rule 2): a socket parameter with no call in the compilation is unknown (TCP rules, no SOCK004); learned from kcp2k (negative control)
using System;
using System.Net.Sockets;

namespace CorpusPending.HelperNeverCalled
{
    /// <summary>
    /// Public helpers that nothing in this compilation calls. The constant is fixed inside the member, so it is still
    /// reported; with no caller the socket is unknown (TCP rules apply) and its connection state is unknown (no SOCK004).
    /// </summary>
    public static class SocketTuning
    {
        public static void UseLargeBuffers(Socket socket)
        {
            socket.ReceiveBufferSize = {|SOCK001:{|SOCK003:4 * 1024 * 1024|}|};
            socket.SendBufferSize = {|SOCK002:{|SOCK003:4 * 1024 * 1024|}|};
        }

        public static void UseSmallReceiveBuffer(TcpClient client)
        {
            client.ReceiveBufferSize = {|SOCK001:16 * 1024|};
        }
    }
}
