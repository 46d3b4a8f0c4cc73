// pattern: defaults (rule 3, a constant the user never chose): a parameterless constructor passes a constant to this(...) or base(...), which stores it in the member the setter reads; everyone who uses that constructor gets it, so it is a shipped default (SOCK007 at the constant, once per member); learned from FastSocket.Net (SocketClient(protocol) : this(protocol, 8192, 8192, 3000, 3000) -> BaseHost.SocketBufferSize -> NewConnection)
using System;
using System.Net.Sockets;

namespace CorpusPending.ConstantCtorInitializerArgument
{
    public abstract class HostBase
    {
        protected HostBase(int socketBufferSize, int messageBufferSize)
        {
            if (socketBufferSize < 1) throw new ArgumentOutOfRangeException(nameof(socketBufferSize));
            SocketBufferSize = socketBufferSize;
            MessageBuffer = new byte[messageBufferSize];
        }

        public int SocketBufferSize { get; private set; }

        protected byte[] MessageBuffer { get; }

        public virtual void Attach(Socket socket)
        {
            socket.NoDelay = true;
            socket.ReceiveBufferSize = {|SOCK006:SocketBufferSize|};
            socket.SendBufferSize = {|SOCK006:SocketBufferSize|};
        }
    }

    public class RpcClient : HostBase
    {
        // The first 8192 reaches both buffers; the second sizes a managed array only.
        public RpcClient() : this({|SOCK007:8192|}, 8192, 3000) { }

        public RpcClient(int socketBufferSize, int messageBufferSize, int timeoutMs)
            : base(socketBufferSize, messageBufferSize)
        {
            TimeoutMs = timeoutMs;
        }

        public int TimeoutMs { get; }
    }

    public class RpcServer : HostBase
    {
        public RpcServer() : base({|SOCK007:32 * 1024|}, 4096) { }
    }
}
