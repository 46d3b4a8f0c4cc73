using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using Akka.Configuration;
using Akka.IO;
using Amqp;
using Amqp.Listener;
using Confluent.Kafka;
using DotNetty.Transport.Bootstrapping;
using DotNetty.Transport.Channels;
using DotNetty.Transport.Channels.Sockets;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;
using MQTTnet;
using NetMQ;
using NetMQ.Sockets;
using Npgsql;

namespace SocketBufferAnalyzers.LibraryTests
{
    /// <summary>
    /// Every form in which a user sets a socket buffer through one of the served client libraries, written the way
    /// user code writes it: a constant, a configured value, a builder, a connection string. The file only has to
    /// compile: it pins each knob's symbol (type, member, parameter name) to the library version referenced by this
    /// project, so a rename or a signature change in a new version breaks this build. Nothing here opens a
    /// connection; <see cref="KnobDefaultTests"/> and <see cref="LibraryConnectionTests"/> run the parts that can.
    /// docs/library-knobs.md has the source citations for each form.
    /// </summary>
    internal static class KnobShapes
    {
        /// <summary>A value read from configuration, as opposed to a constant.</summary>
        internal sealed class Settings
        {
            public int BufferSize { get; set; }

            public int? OptionalBufferSize { get; set; }
        }

        // ---- MQTTnet 5: MqttClientTcpOptions.BufferSize (int, bytes, both SO_RCVBUF and SO_SNDBUF, before Connect).
        // There is no WithBufferSize builder method: the builder form is WithTcpServer(Action<MqttClientTcpOptions>),
        // after WithTcpServer(host, port) or WithEndPoint(...): Build() needs the builder's endpoint, and both of those
        // methods replace the TCP options, so called after the action they drop its BufferSize (KnobDefaultTests).

        public static MqttClientOptions MqttBuilderConstant(int port) =>
            new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithTcpServer(o => o.BufferSize = 64 * 1024)
                .Build();

        public static MqttClientOptions MqttBuilderConfigured(Settings settings) =>
            new MqttClientOptionsBuilder()
                .WithEndPoint(new DnsEndPoint("broker.invalid", 1883))
                .WithTcpServer(o =>
                {
                    if (settings.BufferSize > 0)
                    {
                        o.BufferSize = settings.BufferSize;
                    }
                })
                .Build();

        /// <summary>The host/port overload keeps the library default (8192 applied to both buffers).</summary>
        public static MqttClientOptions MqttBuilderDefault(int port) =>
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).Build();

        public static MqttClientTcpOptions MqttOptionsInitializer() => new MqttClientTcpOptions { BufferSize = 8192 };

        public static void MqttOptionsAfterBuild(MqttClientOptions options)
        {
            if (options.ChannelOptions is MqttClientTcpOptions tcp)
            {
                tcp.BufferSize = 1 << 20;
            }
        }

        public static IMqttClient MqttClient() => new MqttClientFactory().CreateMqttClient();

        // ---- MongoDB.Driver 3: TcpStreamSettings(receiveBufferSize:, sendBufferSize:) and With(...), reached through
        // MongoClientSettings.ClusterConfigurator + ClusterBuilder.ConfigureTcp; MongoDefaults.TcpReceiveBufferSize /
        // TcpSendBufferSize (static, read when a MongoClientSettings is turned into a cluster key). Applied after Connect.

        public static MongoClientSettings MongoConfigureTcpWith(string connectionString)
        {
            var settings = MongoClientSettings.FromConnectionString(connectionString);
            settings.ClusterConfigurator = builder => builder.ConfigureTcp(tcp => tcp.With(receiveBufferSize: 1 << 20, sendBufferSize: 1 << 20));
            return settings;
        }

        public static MongoClientSettings MongoConfigureTcpConfigured(string connectionString, Settings configured)
        {
            var settings = MongoClientSettings.FromConnectionString(connectionString);
            settings.ClusterConfigurator = builder => builder.ConfigureTcp(tcp => tcp.With(receiveBufferSize: configured.BufferSize));
            return settings;
        }

        public static TcpStreamSettings MongoTcpStreamSettingsConstructor() =>
            new TcpStreamSettings(receiveBufferSize: 256 * 1024, sendBufferSize: 256 * 1024);

        public static TcpStreamSettings MongoTcpStreamSettingsPositional() =>
            new TcpStreamSettings(AddressFamily.InterNetwork, TimeSpan.FromSeconds(10), null, 131072, 131072);

        public static void MongoStaticDefaults()
        {
            MongoDefaults.TcpReceiveBufferSize = 1 << 20;
            MongoDefaults.TcpSendBufferSize = 1 << 20;
        }

        public static MongoClient MongoClientWith(MongoClientSettings settings) => new MongoClient(settings);

        // ---- Npgsql: NpgsqlConnectionStringBuilder.SocketReceiveBufferSize / SocketSendBufferSize (int, bytes,
        // applied when > 0; before Connect from 10.0, after Connect up to 9.0) and the keywords
        // "Socket Receive Buffer Size" / "Socket Send Buffer Size" (also the property names, any case).

        public static NpgsqlConnectionStringBuilder NpgsqlBuilderInitializer() =>
            new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                SocketReceiveBufferSize = 1024 * 1024,
                SocketSendBufferSize = 1024 * 1024,
            };

        public static NpgsqlConnection NpgsqlConnectionStringLiteral() =>
            new NpgsqlConnection("Host=127.0.0.1;Username=app;Socket Receive Buffer Size=65536;Socket Send Buffer Size=65536");

        public static NpgsqlConnection NpgsqlConnectionStringPropertyNames() =>
            new NpgsqlConnection("Host=127.0.0.1;Username=app;SocketReceiveBufferSize=65536;socketsendbuffersize=65536");

        public static NpgsqlDataSource NpgsqlDataSourceBuilder(Settings settings)
        {
            var builder = new NpgsqlDataSourceBuilder("Host=127.0.0.1;Username=app");
            builder.ConnectionStringBuilder.SocketReceiveBufferSize = settings.BufferSize;
            return builder.Build();
        }

        public static NpgsqlDataSource NpgsqlDataSourceCreate() =>
            NpgsqlDataSource.Create("Host=127.0.0.1;Username=app;Socket Receive Buffer Size=8192");

        // ---- DotNetty: ChannelOption.SoRcvbuf / SoSndbuf through Bootstrap.Option (client, before Connect),
        // ServerBootstrap.Option (listener; only SoRcvbuf is known to TcpServerSocketChannel, inherited by accepted
        // sockets) and ServerBootstrap.ChildOption (each accepted socket, after the handshake).

        public static Bootstrap DotNettyClient() =>
            new Bootstrap()
                .Channel<TcpSocketChannel>()
                .Option(ChannelOption.SoRcvbuf, 64 * 1024)
                .Option(ChannelOption.SoSndbuf, 64 * 1024);

        public static ServerBootstrap DotNettyServer(Settings settings) =>
            new ServerBootstrap()
                .Channel<TcpServerSocketChannel>()
                .Option(ChannelOption.SoRcvbuf, 128 * 1024)
                .ChildOption(ChannelOption.SoRcvbuf, settings.BufferSize)
                .ChildOption(ChannelOption.SoSndbuf, settings.BufferSize);

        public static bool DotNettyConfiguration(IChannel channel) =>
            channel.Configuration.SetOption(ChannelOption.SoRcvbuf, 65536);

        public static void DotNettySocketConfiguration(ISocketChannelConfiguration configuration)
        {
            configuration.ReceiveBufferSize = 65536;
            configuration.SendBufferSize = 65536;
        }

        // ---- Confluent.Kafka (librdkafka applies them): ClientConfig.SocketReceiveBufferBytes /
        // SocketSendBufferBytes (int?, bytes; 0 = system default = not set) and the config keys
        // "socket.receive.buffer.bytes" / "socket.send.buffer.bytes" (exact, case-sensitive).

        public static ProducerConfig KafkaInitializer() =>
            new ProducerConfig
            {
                BootstrapServers = "127.0.0.1:9092",
                SocketReceiveBufferBytes = 1024 * 1024,
                SocketSendBufferBytes = 1024 * 1024,
            };

        public static ConsumerConfig KafkaConsumerConfigured(Settings settings) =>
            new ConsumerConfig { GroupId = "g", SocketReceiveBufferBytes = settings.OptionalBufferSize };

        public static AdminClientConfig KafkaAdmin() => new AdminClientConfig { SocketSendBufferBytes = 0 };

        public static ProducerConfig KafkaDictionary() =>
            new ProducerConfig(new Dictionary<string, string>
            {
                ["bootstrap.servers"] = "127.0.0.1:9092",
                ["socket.receive.buffer.bytes"] = "65536",
                ["socket.send.buffer.bytes"] = "65536",
            });

        public static ClientConfig KafkaSet()
        {
            var config = new ClientConfig();
            config.Set("socket.receive.buffer.bytes", "65536");
            return config;
        }

        public static IProducer<Null, string> KafkaBuilderPairs() =>
            new ProducerBuilder<Null, string>(new[]
            {
                new KeyValuePair<string, string>("bootstrap.servers", "127.0.0.1:9092"),
                new KeyValuePair<string, string>("socket.send.buffer.bytes", "65536"),
            }).Build();

        // ---- Akka.IO: Inet.SO.ReceiveBufferSize(int size) (before Connect / before the listener binds) and
        // Inet.SO.SendBufferSize(int size) (after Connect, for outgoing and accepted connections).

        public static Tcp.Connect AkkaConnect() =>
            new Tcp.Connect(
                new IPEndPoint(IPAddress.Loopback, 9000),
                options: new Inet.SocketOption[] { new Inet.SO.ReceiveBufferSize(64 * 1024), new Inet.SO.SendBufferSize(64 * 1024) });

        public static Tcp.Bind AkkaBind(Akka.Actor.IActorRef handler) =>
            new Tcp.Bind(handler, new IPEndPoint(IPAddress.Loopback, 0), options: new[] { new Inet.SO.ReceiveBufferSize(256 * 1024) });

        public static Udp.Bind AkkaUdpBind(Akka.Actor.IActorRef handler) =>
            new Udp.Bind(handler, new IPEndPoint(IPAddress.Loopback, 0), new Inet.SocketOption[] { new Inet.SO.ReceiveBufferSize(1 << 20) });

        // ---- Akka.Remote classic transport (dot-netty.tcp): HOCON receive-buffer-size / send-buffer-size, default
        // 256000b both; 0b = platform default (not set).

        public static Akka.Configuration.Config AkkaRemoteHocon() =>
            ConfigurationFactory.ParseString(@"
                akka.actor.provider = remote
                akka.remote.dot-netty.tcp {
                    hostname = 127.0.0.1
                    port = 0
                    receive-buffer-size = 0b
                    send-buffer-size = 0b
                }");

        // ---- NetMQ: SocketOptions.ReceiveBuffer / SendBuffer (int, bytes; 0 = OS default), applied when the
        // StreamEngine is created, i.e. after Connect and after accept.

        public static DealerSocket NetMqDealer()
        {
            var socket = new DealerSocket();
            socket.Options.ReceiveBuffer = 1024 * 1024;
            socket.Options.SendBuffer = 1024 * 1024;
            return socket;
        }

        public static void NetMqConfigured(NetMQSocket socket, Settings settings) =>
            socket.Options.ReceiveBuffer = settings.BufferSize;

        // ---- AMQPNetLite: ConnectionFactoryBase.TCP (TcpSettings).ReceiveBufferSize / SendBufferSize (int, bytes),
        // applied only when assigned, after Connect (ConnectionFactory) or after accept (ConnectionListener).

        public static ConnectionFactory AmqpFactory()
        {
            var factory = new ConnectionFactory();
            factory.TCP.ReceiveBufferSize = 256 * 1024;
            factory.TCP.SendBufferSize = 256 * 1024;
            return factory;
        }

        public static void AmqpListener(ConnectionListener listener, Settings settings) =>
            listener.TCP.ReceiveBufferSize = settings.BufferSize;

        public static Amqp.TcpSettings AmqpTcpSettingsInitializer() => new Amqp.TcpSettings { ReceiveBufferSize = 8192, SendBufferSize = 8192 };

        // ---- Not served here: Stubs/ (declarations reproduced from each library's source, see the citations there).

        public static Cassandra.Builder CassandraBuilder() =>
            Cassandra.Cluster.Builder()
                .AddContactPoint("127.0.0.1")
                .WithSocketOptions(new Cassandra.SocketOptions().SetReceiveBufferSize(1 << 20).SetSendBufferSize(1 << 20));

        public static Hazelcast.HazelcastOptions HazelcastOptions()
        {
            var options = new Hazelcast.HazelcastOptions();
            options.Networking.Socket.BufferSizeKiB = 1024;
            return options;
        }

        public static Hazelcast.HazelcastOptions HazelcastBuilder() =>
            new Hazelcast.HazelcastOptionsBuilder()
                .With(o => o.Networking.Socket.BufferSizeKiB = 512)
                .Build();

        public static SuperSocket.Server.Abstractions.ServerOptions SuperSocketServerOptions() =>
            new SuperSocket.Server.Abstractions.ServerOptions { Name = "s", ReceiveBufferSize = 64 * 1024, SendBufferSize = 64 * 1024 };

        public static SuperSocket.Connection.ConnectionOptions SuperSocketConnectionOptions(Settings settings) =>
            new SuperSocket.Connection.ConnectionOptions { ReceiveBufferSize = settings.BufferSize };
    }
}
