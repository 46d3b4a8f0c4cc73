// pattern: forwarders (rule 1, local function, lambda and the SetSocketOption form): each is plumbing, each call is the setting at its argument; learned from kcp2k and Cowboy (helper shapes), forms from the spec
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.LocalFunctionLambda
{
    internal static class OptionCalls
    {
        public static void SetReceiveOption(Socket socket, int size) =>
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, size);
    }

    public static class Opener
    {
        public static Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);

            void ApplyReceive(int size) => socket.ReceiveBufferSize = size;
            Action<int> applySend = size => socket.SendBufferSize = size;

            ApplyReceive({|SOCK001:24 * 1024|});
            applySend({|SOCK002:24 * 1024|});
            OptionCalls.SetReceiveOption(socket, {|SOCK001:{|SOCK003:1 << 20|}|});

            socket.Connect(server);
            return socket;
        }
    }
}
