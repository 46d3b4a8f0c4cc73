// DECLARATION STUB, not the library. CassandraCSharpDriver is not served here.
// Reproduces the public names and signatures of datastax/csharp-driver at tag 3.22.0
// (commit 7d4b37a3833f313a84052bdfd9b3022645732583):
//   src/Cassandra/SocketOptions.cs:23   public class SocketOptions
//   src/Cassandra/SocketOptions.cs:90   public int? ReceiveBufferSize { get; }      (null unless set)
//   src/Cassandra/SocketOptions.cs:98   public int? SendBufferSize { get; }
//   src/Cassandra/SocketOptions.cs:181  public SocketOptions SetReceiveBufferSize(int receiveBufferSize)
//   src/Cassandra/SocketOptions.cs:190  public SocketOptions SetSendBufferSize(int sendBufferSize)
//   src/Cassandra/Builder.cs:38/437/779 public class Builder; AddContactPoint(string address); WithSocketOptions(SocketOptions value)
//   src/Cassandra/Cluster.cs:40/119     public class Cluster; public static Builder Builder()
// Where the value is applied: src/Cassandra/Connections/TcpSocket.cs:93-100 (constructor, before Connect), when not null.
namespace Cassandra
{
    public class SocketOptions
    {
        private int? receiveBufferSize;
        private int? sendBufferSize;

        public int? ReceiveBufferSize => receiveBufferSize;

        public int? SendBufferSize => sendBufferSize;

        public SocketOptions SetReceiveBufferSize(int receiveBufferSize)
        {
            this.receiveBufferSize = receiveBufferSize;
            return this;
        }

        public SocketOptions SetSendBufferSize(int sendBufferSize)
        {
            this.sendBufferSize = sendBufferSize;
            return this;
        }
    }

    public class Builder
    {
        public SocketOptions? SocketOptions { get; private set; }

        public Builder AddContactPoint(string address) => this;

        public Builder WithSocketOptions(SocketOptions value)
        {
            SocketOptions = value;
            return this;
        }
    }

    public class Cluster
    {
        public static Builder Builder() => new Builder();
    }
}
