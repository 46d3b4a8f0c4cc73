// pattern: forwarders (rule 1, cycles stopped): a self-recursive and a mutually recursive forwarder; the outer constant is reported once; learned from DotNetty (SetOption calling base.SetOption) — robustness
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.RecursiveForwarders
{
    internal static class Retrying
    {
        /// <summary>Self-recursive: retries with the same size.</summary>
        public static void SetWithRetry(Socket socket, int size, int attempts)
        {
            try
            {
                socket.ReceiveBufferSize = size;
            }
            catch (SocketException) when (attempts > 0)
            {
                SetWithRetry(socket, size, attempts - 1);
            }
        }

        /// <summary>Mutually recursive pair: Ping sets and hands over to Pong, which hands back.</summary>
        public static void Ping(Socket socket, int size, int depth)
        {
            socket.SendBufferSize = size;
            if (depth > 0)
            {
                Pong(socket, size, depth - 1);
            }
        }

        public static void Pong(Socket socket, int size, int depth)
        {
            if (depth > 0)
            {
                Ping(socket, size, depth - 1);
            }
        }
    }

    public sealed class Dialer
    {
        public Socket Dial(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            Retrying.SetWithRetry(socket, {|SOCK001:16384|}, 3);
            Retrying.Pong(socket, {|SOCK002:65536|}, 4);
            socket.Connect(server);
            return socket;
        }
    }
}
