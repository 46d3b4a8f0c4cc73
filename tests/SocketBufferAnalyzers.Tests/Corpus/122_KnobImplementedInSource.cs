// pattern: library knobs vs the library's own source: when the knob's type is declared in the compilation (the library's repository), its own forwarding (the knob's With(...) building a new settings object, the library handing its configuration to the knob) is plumbing, and the real setting in source (after connecting: SOCK004, configured and unguarded: SOCK006) is reported once, where the socket is set; the catalog row must not report SOCK004/SOCK006 again at those internal calls; a constant given to the knob (a test) keeps its SOCK005; learned from MongoDB.Driver (TcpStreamSettings.With -> new TcpStreamSettings, ClusterRegistry.ConfigureTcp, TcpStreamFactory.ConfigureConnectedSocket)
// The MongoDB.Driver types below are minimal stand-ins with the library's names and parameter order, as when its own source is compiled.
using System;
using System.Net;
using System.Net.Sockets;

namespace MongoDB.Driver
{
    public readonly struct Optional<T>
    {
        private readonly bool _hasValue;
        private readonly T _value;

        public Optional(T value)
        {
            _hasValue = true;
            _value = value;
        }

        public T WithDefault(T value) => _hasValue ? _value : value;

        public static implicit operator Optional<T>(T value) => new Optional<T>(value);
    }

    public sealed class ClusterKey
    {
        public ClusterKey(int receiveBufferSize, int sendBufferSize)
        {
            ReceiveBufferSize = receiveBufferSize;
            SendBufferSize = sendBufferSize;
        }

        public int ReceiveBufferSize { get; }

        public int SendBufferSize { get; }
    }

    public sealed class ClusterRegistry
    {
        internal MongoDB.Driver.Core.Configuration.TcpStreamSettings ConfigureTcp(
            MongoDB.Driver.Core.Configuration.TcpStreamSettings settings,
            ClusterKey clusterKey)
        {
            return settings.With(
                connectTimeout: TimeSpan.FromSeconds(30),
                receiveBufferSize: clusterKey.ReceiveBufferSize,
                sendBufferSize: clusterKey.SendBufferSize);
        }
    }
}

namespace MongoDB.Driver.Core.Configuration
{
    public sealed class TcpStreamSettings
    {
        private readonly AddressFamily _addressFamily;
        private readonly TimeSpan _connectTimeout;
        private readonly TimeSpan? _readTimeout;
        private readonly int _receiveBufferSize;
        private readonly int _sendBufferSize;

        public TcpStreamSettings(
            Optional<AddressFamily> addressFamily = default,
            Optional<TimeSpan> connectTimeout = default,
            Optional<TimeSpan?> readTimeout = default,
            Optional<int> receiveBufferSize = default,
            Optional<int> sendBufferSize = default)
        {
            _addressFamily = addressFamily.WithDefault(AddressFamily.InterNetwork);
            _connectTimeout = connectTimeout.WithDefault(TimeSpan.FromSeconds(30));
            _readTimeout = readTimeout.WithDefault(null);
            _receiveBufferSize = receiveBufferSize.WithDefault(64 * 1024);
            _sendBufferSize = sendBufferSize.WithDefault(64 * 1024);
        }

        public AddressFamily AddressFamily => _addressFamily;

        public int ReceiveBufferSize => _receiveBufferSize;

        public int SendBufferSize => _sendBufferSize;

        public TcpStreamSettings With(
            Optional<AddressFamily> addressFamily = default,
            Optional<TimeSpan> connectTimeout = default,
            Optional<TimeSpan?> readTimeout = default,
            Optional<int> receiveBufferSize = default,
            Optional<int> sendBufferSize = default)
        {
            return new TcpStreamSettings(
                addressFamily: addressFamily.WithDefault(_addressFamily),
                connectTimeout: connectTimeout.WithDefault(_connectTimeout),
                readTimeout: readTimeout.WithDefault(_readTimeout),
                receiveBufferSize: receiveBufferSize.WithDefault(_receiveBufferSize),
                sendBufferSize: sendBufferSize.WithDefault(_sendBufferSize));
        }
    }

    public sealed class TcpStreamFactory
    {
        private readonly TcpStreamSettings _settings;

        public TcpStreamFactory(TcpStreamSettings settings) => _settings = settings;

        public NetworkStream CreateStream(EndPoint endPoint)
        {
            var socket = new Socket(_settings.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(endPoint);
            socket.NoDelay = true;
            {|SOCK004:socket.ReceiveBufferSize = {|SOCK006:_settings.ReceiveBufferSize|}|};
            socket.SendBufferSize = {|SOCK006:_settings.SendBufferSize|};
            return new NetworkStream(socket, ownsSocket: true);
        }
    }
}

namespace CorpusPending.KnobImplementedInSource
{
    using MongoDB.Driver.Core.Configuration;

    public static class SettingsTests
    {
        public static TcpStreamSettings Small() => new TcpStreamSettings(receiveBufferSize: {|SOCK005:123|}, sendBufferSize: {|SOCK005:456|});
    }
}
