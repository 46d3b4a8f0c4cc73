// editorconfig: socket_buffer.link_rtt = soon
// expect: SOCK900
using System;
using System.Net.Sockets;

namespace Corpus.BadConfig
{
    /// <summary>An unreadable socket_buffer.* value: SOCK900 once, without a location; the defaults are used for the rest.</summary>
    public static class Pinger
    {
        public static void Tune(Socket socket)
        {
            socket.ReceiveBufferSize = {|SOCK001:32 * 1024|};
        }
    }
}
