using System.Net.Sockets;

namespace Corpus.SwitchSectionGuards
{
    public sealed class PeerSettings
    {
        public int ReceiveBuffer { get; set; }

        public int SendBuffer { get; set; }

        public int Fallback { get; set; }
    }

    /// <summary>Buffer sizes chosen in switch sections: a relational label or a when-clause guards, a default section does not.</summary>
    public sealed class PeerConnector
    {
        private readonly PeerSettings _settings = new PeerSettings();

        public Socket Create()
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            switch (_settings.ReceiveBuffer)
            {
                case > 0:
                    socket.ReceiveBufferSize = _settings.ReceiveBuffer;
                    break;
            }

            switch (_settings.SendBuffer)
            {
                case int size when size > 0:
                    socket.SendBufferSize = size;
                    break;
            }

            switch (_settings.Fallback)
            {
                case > 0:
                default:
                    socket.ReceiveBufferSize = {|SOCK006:_settings.Fallback|};
                    break;
            }

            return socket;
        }
    }
}
