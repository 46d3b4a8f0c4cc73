// pattern: timing across methods (rule 4, a caller that connects then calls Configure(socket)): SOCK004 at the setting inside the helper, for a constant fixed inside it and for a forwarded size; learned from Cowboy and MQTTnet (shape seen reversed there)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.CallerConnectsThenConfigures
{
    internal static class Tuning
    {
        /// <summary>A constant fixed inside the helper; 128 KiB would have given a larger window before connecting.</summary>
        public static void UseBigBuffers(Socket socket)
        {
            {|SOCK004:socket.ReceiveBufferSize = {|SOCK001:128 * 1024|}|};
            socket.SendBufferSize = {|SOCK002:128 * 1024|};
        }

        /// <summary>A forwarder: its setting gets SOCK004 for its caller's timing; the size is judged at the call.</summary>
        public static void SetReceive(Socket socket, int size)
        {
            {|SOCK004:socket.ReceiveBufferSize = size|};
        }
    }

    public sealed class Downloader
    {
        public Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(server);
            Tuning.UseBigBuffers(socket);
            return socket;
        }

        public Socket OpenSized(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(server);
            Tuning.SetReceive(socket, {|SOCK001:96 * 1024|});
            return socket;
        }
    }
}
