using System;
using System.Net.Sockets;

namespace Corpus.KindMergedAcrossBranches
{
    /// <summary>Where a branch, a loop or a lambda can bring another write, the socket's kind is the merge of every write.</summary>
    public static class Dialer
    {
        public static Socket Dial(bool reliable, int attempts)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            if (reliable)
            {
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            }

            socket.ReceiveBufferSize = {|SOCK001:32 * 1024|};

            var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            for (var i = 0; i < attempts; i++)
            {
                probe.SendBufferSize = {|SOCK002:8192|};
                probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            }

            var late = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            Action tune = () => late.ReceiveBufferSize = {|SOCK001:16384|};
            late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tune();
            probe.Dispose();
            late.Dispose();
            return socket;
        }
    }
}
