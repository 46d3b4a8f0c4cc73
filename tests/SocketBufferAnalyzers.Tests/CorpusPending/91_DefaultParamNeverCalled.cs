// pattern: defaults (rule 3, a method parameter default counts even when the member is never called) + forwarders (rule 1, public API never called: no SOCK006); learned from Riptide and kcp2k
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.DefaultParamNeverCalled
{
    public static class SocketFactory
    {
        public static Socket CreateTcp(AddressFamily family, int receiveBufferSize = {|SOCK003:{|SOCK007:256 * 1024|}|})
        {
            var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
            socket.ReceiveBufferSize = receiveBufferSize;
            return socket;
        }

        /// <summary>Guarded, and shipping 0: nothing to say.</summary>
        public static Socket CreateTuned(AddressFamily family, int sendBufferSize = 0)
        {
            var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
            if (sendBufferSize > 0)
            {
                socket.SendBufferSize = sendBufferSize;
            }

            return socket;
        }
    }
}
