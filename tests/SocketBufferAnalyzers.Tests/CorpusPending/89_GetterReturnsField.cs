// pattern: defaults (rule 3, read through a property getter that returns the member): SOCK007 sits on the field's initializer; learned from NetCoreServer (option properties) and Cowboy
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.GetterReturnsField
{
    public class ConnectionSettings
    {
        private int _receiveBuffer = {|SOCK007:16384|};
        private int _sendBuffer = {|SOCK007:{|SOCK003:1024 * 1024|}|};

        public int ReceiveBuffer
        {
            get { return _receiveBuffer; }
            set { _receiveBuffer = value; }
        }

        public int SendBuffer => _sendBuffer;

        public void UseSendBuffer(int bytes) => _sendBuffer = bytes;
    }

    public sealed class Connection
    {
        private readonly ConnectionSettings _settings = new ConnectionSettings();

        public Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (_settings.ReceiveBuffer > 0)
            {
                socket.ReceiveBufferSize = _settings.ReceiveBuffer;
            }

            if (_settings.SendBuffer > 0)
            {
                socket.SendBufferSize = _settings.SendBuffer;
            }

            socket.Connect(server);
            return socket;
        }
    }
}
