using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Corpus.SmtpLike
{
    /// <summary>A blocking SMTP-like client: the (host, port) constructor connects, then the buffers are set.</summary>
    public sealed class MailClient : IDisposable
    {
        private readonly TcpClient _client;
        private readonly StreamReader _reader;

        public MailClient(string host, int port = 25)
        {
            _client = new TcpClient(host, port);
            _client.ReceiveTimeout = 30000;
            {|SOCK004:_client.ReceiveBufferSize = {|SOCK001:{|SOCK003:256 * 1024|}|}|};
            _client.SendBufferSize = {|SOCK002:8 * 1024|};
            _reader = new StreamReader(_client.GetStream(), Encoding.ASCII);
        }

        public string ReadReply() => _reader.ReadLine() ?? string.Empty;

        public void Dispose()
        {
            _reader.Dispose();
            _client.Dispose();
        }
    }
}
