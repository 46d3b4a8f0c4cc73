// pattern: kind and origin from callers (rule 2): a helper called with both a TCP and a UDP socket keeps the TCP rules; learned from LiteNetLib (negative control)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.MixedKindHelper
{
    /// <summary>
    /// One tuning helper shared by a TCP control channel and a UDP media channel. The join over the calls is not UDP,
    /// so the fixed constants get the TCP rules (and the clamp where it applies).
    /// </summary>
    public sealed class MediaSession
    {
        public Socket OpenControl(EndPoint server)
        {
            var control = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Tune(control);
            control.Connect(server);
            return control;
        }

        public Socket OpenMedia(EndPoint local)
        {
            var media = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            Tune(media);
            media.Bind(local);
            return media;
        }

        private static void Tune(Socket socket)
        {
            socket.ReceiveBufferSize = {|SOCK001:{|SOCK003:256 * 1024|}|};
            socket.SendBufferSize = {|SOCK002:32 * 1024|};
        }
    }
}
