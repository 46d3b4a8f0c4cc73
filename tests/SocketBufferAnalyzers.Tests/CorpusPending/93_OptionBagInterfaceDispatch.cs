// pattern: forwarders (rule 1, negative control): a generic option bag applied through an interface; the configuration's setter and SetOption are plumbing, and no call of them exists in the compilation: silent; learned from DotNetty
using System;
using System.Collections.Generic;
using System.Net.Sockets;

namespace CorpusPending.OptionBag
{
    public abstract class ChannelOption
    {
        public abstract bool Set(IChannelConfig config, object value);
    }

    public sealed class ChannelOption<T> : ChannelOption
    {
        public static readonly ChannelOption<int> ReceiveBuffer = new ChannelOption<int>();
        public static readonly ChannelOption<bool> NoDelay = new ChannelOption<bool>();

        public override bool Set(IChannelConfig config, object value) => config.SetOption(this, (T)value);
    }

    public interface IChannelConfig
    {
        bool SetOption<T>(ChannelOption<T> option, T value);
    }

    public class SocketChannelConfig : IChannelConfig
    {
        protected readonly Socket Socket;

        public SocketChannelConfig(Socket socket) => Socket = socket;

        public virtual bool SetOption<T>(ChannelOption<T> option, T value)
        {
            if (ReferenceEquals(option, ChannelOption<int>.ReceiveBuffer))
            {
                ReceiveBufferSize = (int)(object)value;
                return true;
            }

            if (ReferenceEquals(option, ChannelOption<bool>.NoDelay))
            {
                Socket.NoDelay = (bool)(object)value;
                return true;
            }

            return false;
        }

        public int ReceiveBufferSize
        {
            get
            {
                try
                {
                    return Socket.ReceiveBufferSize;
                }
                catch (ObjectDisposedException ex)
                {
                    throw new InvalidOperationException("closed", ex);
                }
            }

            set
            {
                try
                {
                    Socket.ReceiveBufferSize = value;
                }
                catch (ObjectDisposedException ex)
                {
                    throw new InvalidOperationException("closed", ex);
                }
            }
        }
    }

    public sealed class Bootstrap
    {
        private readonly Dictionary<ChannelOption, object> _options = new Dictionary<ChannelOption, object>();

        public Bootstrap Option<T>(ChannelOption<T> option, T value)
        {
            _options[option] = value;
            return this;
        }

        public void Apply(IChannelConfig config)
        {
            foreach (var pair in _options)
            {
                pair.Key.Set(config, pair.Value);
            }
        }

        public static IChannelConfig NewChannel() =>
            new SocketChannelConfig(new Socket(SocketType.Stream, ProtocolType.Tcp));
    }
}
