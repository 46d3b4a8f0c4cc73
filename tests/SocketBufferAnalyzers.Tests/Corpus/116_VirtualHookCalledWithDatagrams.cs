// pattern: kind from callers (rule 2) through virtual dispatch: an option class overrides BeforeDatagramBind(Socket), and every call of that hook (through the base class's virtual) passes a datagram socket, so the override's setting is UDP: no SOCK006 "stops autotuning" there; its BeforeConnect override, called on stream sockets, keeps SOCK006; learned from Akka (Inet.SO.ReceiveBufferSize.BeforeDatagramBind, called from UdpListener/UdpSender/UdpConnection)
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.VirtualHookCalledWithDatagrams
{
    public abstract class SocketOption
    {
        public virtual void BeforeDatagramBind(Socket socket) { }

        public virtual void BeforeConnect(Socket socket) { }
    }

    public sealed class ReceiveBufferSize : SocketOption
    {
        private readonly int _size;

        public ReceiveBufferSize(int size) => _size = size;

        public override void BeforeDatagramBind(Socket socket) =>
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, _size);

        public override void BeforeConnect(Socket socket) =>
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveBuffer, {|SOCK006:_size|});
    }

    public sealed class DatagramListener
    {
        public Socket Bind(IPEndPoint local, IEnumerable<SocketOption> options)
        {
            var socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            foreach (var option in options)
            {
                option.BeforeDatagramBind(socket);
            }

            socket.Bind(local);
            return socket;
        }
    }

    public sealed class OutgoingConnection
    {
        public Socket Connect(IPEndPoint remote, IReadOnlyList<SocketOption> options)
        {
            var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            for (var i = 0; i < options.Count; i++)
            {
                options[i].BeforeConnect(socket);
            }

            socket.Connect(remote);
            return socket;
        }
    }
}
