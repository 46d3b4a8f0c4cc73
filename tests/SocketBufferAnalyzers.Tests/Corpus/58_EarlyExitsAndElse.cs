using System;
using System.Net.Sockets;

namespace Corpus.EarlyExitsAndElse
{
    public sealed class BufferOptions
    {
        public int Receive { get; set; }

        public int Send { get; set; }

        public int Listener { get; set; }
    }

    /// <summary>Early returns, throws and else branches guard what follows; a check after the setting guards nothing.</summary>
    public sealed class Tuner
    {
        private readonly BufferOptions _options = new BufferOptions();

        public void TuneReceive(Socket socket)
        {
            if (_options.Receive <= 0)
            {
                return;
            }

            socket.ReceiveBufferSize = _options.Receive;
        }

        public void TuneSend(Socket socket)
        {
            if (_options.Send < 1)
            {
                throw new InvalidOperationException("no send buffer configured");
            }

            socket.SendBufferSize = _options.Send;
        }

        public void TuneListener(TcpListener listener)
        {
            if (_options.Listener <= 0)
            {
                Console.WriteLine("kernel default");
            }
            else
            {
                listener.Server.ReceiveBufferSize = _options.Listener;
            }
        }

        public void TuneLate(Socket socket)
        {
            socket.ReceiveBufferSize = {|SOCK006:_options.Receive|};
            if (_options.Receive <= 0)
            {
                return;
            }
        }
    }
}
