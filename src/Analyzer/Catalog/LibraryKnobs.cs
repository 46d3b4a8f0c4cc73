using System.Collections.Immutable;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Catalog
{
    /// <summary>
    /// The knobs of client libraries that end up as SO_RCVBUF / SO_SNDBUF on the library's own sockets: rows of
    /// <see cref="SetterCatalog"/>. Every fact (symbol, side, unit, what 0 means, before or after Connect, the default and
    /// whether it is applied to every connection) is from docs/library-knobs.md, which cites the library's source; the
    /// comment on each row names the file and line where the library applies the value. A row costs nothing where its
    /// type is not referenced: <see cref="BoundCatalog"/> drops it.
    /// </summary>
    internal static class LibraryKnobs
    {
        private const string DotNettyBootstrap = "DotNetty.Transport.Bootstrapping.AbstractBootstrap`2";
        private const string DotNettyClient = "DotNetty.Transport.Bootstrapping.Bootstrap";
        private const string DotNettyServer = "DotNetty.Transport.Bootstrapping.ServerBootstrap";
        private const string DotNettyChannelOption = "DotNetty.Transport.Channels.ChannelOption";
        private const string KafkaConfig = "Confluent.Kafka.ClientConfig";
        private const string KafkaReceiveKey = "socket.receive.buffer.bytes";
        private const string KafkaSendKey = "socket.send.buffer.bytes";
        private const string NpgsqlReceiveKeyword = "Socket Receive Buffer Size";
        private const string NpgsqlSendKeyword = "Socket Send Buffer Size";

        /// <summary>Npgsql applies its socket options before Connect from 10.0.0 (npgsql/npgsql commit 19f466e3e121), after Connect up to 9.x.</summary>
        private const string NpgsqlBeforeConnectFrom = "10.0.0.0";

        public static ImmutableArray<SetterForm> Forms { get; } = ImmutableArray.Create(
            // ---- MongoDB.Driver (mongodb/mongo-csharp-driver @ 97e3979258ff): bytes, one value per side, 0 and negative throw
            // (TcpStreamSettings.cs:60-61), default 64 KiB applied to every connection after Connect
            // (Core/Connections/TcpStreamFactory.cs:80-81 connect, then ConfigureConnectedSocket :157-161, :246-248).
            // The value is an Optional<int> converted implicitly from int: new TcpStreamSettings(receiveBufferSize: n) (TcpStreamSettings.cs:48-64),
            // tcp.With(receiveBufferSize: n) (:167-184); MongoDefaults.TcpReceiveBufferSize/TcpSendBufferSize (static, MongoDefaults.cs:44-45, 217-230).
            Mongo(SetterShape.Construction, "MongoDB.Driver.Core.Configuration.TcpStreamSettings", ".ctor", BufferSide.Receive, 3, "new TcpStreamSettings(receiveBufferSize)", "receiveBufferSize"),
            Mongo(SetterShape.Construction, "MongoDB.Driver.Core.Configuration.TcpStreamSettings", ".ctor", BufferSide.Send, 4, "new TcpStreamSettings(sendBufferSize)", "sendBufferSize"),
            Mongo(SetterShape.Invocation, "MongoDB.Driver.Core.Configuration.TcpStreamSettings", "With", BufferSide.Receive, 3, "TcpStreamSettings.With(receiveBufferSize)", "receiveBufferSize"),
            Mongo(SetterShape.Invocation, "MongoDB.Driver.Core.Configuration.TcpStreamSettings", "With", BufferSide.Send, 4, "TcpStreamSettings.With(sendBufferSize)", "sendBufferSize"),
            Mongo(SetterShape.PropertySetter, "MongoDB.Driver.MongoDefaults", "TcpReceiveBufferSize", BufferSide.Receive, -1, "MongoDefaults.TcpReceiveBufferSize", "TcpReceiveBufferSize"),
            Mongo(SetterShape.PropertySetter, "MongoDB.Driver.MongoDefaults", "TcpSendBufferSize", BufferSide.Send, -1, "MongoDefaults.TcpSendBufferSize", "TcpSendBufferSize"),

            // ---- MQTTnet (dotnet/MQTTnet @ 14463d1ef9f1, v5.2.0): MqttClientTcpOptions.BufferSize (Options/MqttClientTcpOptions.cs:15), one value
            // for both buffers, bytes, set on the client socket before Connect (Implementations/MqttTcpChannel.cs:81-82, connect :104);
            // 0 is a size (kernel minimum, locked); default 8192 applied unconditionally. 4.x: MQTTnet.Client.MqttClientTcpOptions (v4.3.7.1207).
            Mqtt(BufferSide.Receive),
            Mqtt(BufferSide.Send),

            // ---- Npgsql (npgsql/npgsql @ d3768398c178, v10.0.3): NpgsqlConnectionStringBuilder.SocketReceiveBufferSize/SocketSendBufferSize
            // (NpgsqlConnectionStringBuilder.cs:1206-1240), bytes, applied only when > 0 (Internal/NpgsqlConnector.cs:1476-1479), before Connect
            // from 10.0 (:1335 before :1339, :1427 before :1432), after Connect in 8.x/9.x (v9.0.5 :1140-1141). Default 0.
            Npgsql(SetterShape.PropertySetter, "Npgsql.NpgsqlConnectionStringBuilder", "SocketReceiveBufferSize", BufferSide.Receive, "NpgsqlConnectionStringBuilder.SocketReceiveBufferSize"),
            Npgsql(SetterShape.PropertySetter, "Npgsql.NpgsqlConnectionStringBuilder", "SocketSendBufferSize", BufferSide.Send, "NpgsqlConnectionStringBuilder.SocketSendBufferSize"),

            // The keywords in a constant connection string (display names NpgsqlConnectionStringBuilder.cs:1211, 1229; the property names
            // are aliases, src/Npgsql.SourceGenerators/NpgsqlConnectionStringBuilderSourceGenerator.cs:91-97), given to Npgsql.
            ConnectionString(SetterShape.Construction, "Npgsql.NpgsqlConnection", ".ctor", 0, "new NpgsqlConnection(connectionString)"),
            ConnectionString(SetterShape.PropertySetter, "Npgsql.NpgsqlConnection", "ConnectionString", -1, "NpgsqlConnection.ConnectionString"),
            ConnectionString(SetterShape.Invocation, "Npgsql.NpgsqlDataSource", "Create", 0, "NpgsqlDataSource.Create(connectionString)"),
            ConnectionString(SetterShape.Construction, "Npgsql.NpgsqlDataSourceBuilder", ".ctor", 0, "new NpgsqlDataSourceBuilder(connectionString)"),
            ConnectionString(SetterShape.Construction, "Npgsql.NpgsqlConnectionStringBuilder", ".ctor", 0, "new NpgsqlConnectionStringBuilder(connectionString)"),
            ConnectionString(SetterShape.PropertySetter, "Npgsql.NpgsqlConnectionStringBuilder", "ConnectionString", -1, "NpgsqlConnectionStringBuilder.ConnectionString"),
            ConnectionString(SetterShape.Construction, "Npgsql.NpgsqlConnection", ".ctor", 0, "new NpgsqlConnection(connectionString)", send: true),
            ConnectionString(SetterShape.PropertySetter, "Npgsql.NpgsqlConnection", "ConnectionString", -1, "NpgsqlConnection.ConnectionString", send: true),
            ConnectionString(SetterShape.Invocation, "Npgsql.NpgsqlDataSource", "Create", 0, "NpgsqlDataSource.Create(connectionString)", send: true),
            ConnectionString(SetterShape.Construction, "Npgsql.NpgsqlDataSourceBuilder", ".ctor", 0, "new NpgsqlDataSourceBuilder(connectionString)", send: true),
            ConnectionString(SetterShape.Construction, "Npgsql.NpgsqlConnectionStringBuilder", ".ctor", 0, "new NpgsqlConnectionStringBuilder(connectionString)", send: true),
            ConnectionString(SetterShape.PropertySetter, "Npgsql.NpgsqlConnectionStringBuilder", "ConnectionString", -1, "NpgsqlConnectionStringBuilder.ConnectionString", send: true),

            // ---- DotNetty (Azure/DotNetty @ 78c5757062a9): ChannelOption.SoRcvbuf/SoSndbuf (Channels/ChannelOption.cs:73-74), bytes, no default;
            // 0 is a size; set as Socket.ReceiveBufferSize (Channels/Sockets/DefaultSocketChannelConfiguration.cs:146).
            // Bootstrap.Option: the client channel before Connect (Bootstrapping/Bootstrap.cs:219-225, connect :157-159).
            DotNetty(SetterShape.Invocation, DotNettyBootstrap, "Option", BufferSide.Receive, "Bootstrap.Option(SoRcvbuf)", DotNettyClient, after: false),
            DotNetty(SetterShape.Invocation, DotNettyBootstrap, "Option", BufferSide.Send, "Bootstrap.Option(SoSndbuf)", DotNettyClient, after: false),

            // ServerBootstrap.Option: the listener (ServerBootstrap.cs:125-127), inherited by accepted sockets; the listener knows only SoRcvbuf
            // (Channels/Sockets/DefaultServerSocketChannelConfig.cs:47-60): SoSndbuf there is logged as unknown and not applied (no row).
            DotNetty(SetterShape.Invocation, DotNettyBootstrap, "Option", BufferSide.Receive, "ServerBootstrap.Option(SoRcvbuf)", DotNettyServer, after: false),

            // ServerBootstrap.ChildOption: each accepted channel in ServerBootstrapAcceptor.ChannelRead (ServerBootstrap.cs:71, 185-191): after the connection exists.
            DotNetty(SetterShape.Invocation, DotNettyServer, "ChildOption", BufferSide.Receive, "ServerBootstrap.ChildOption(SoRcvbuf)", null, after: true),
            DotNetty(SetterShape.Invocation, DotNettyServer, "ChildOption", BufferSide.Send, "ServerBootstrap.ChildOption(SoSndbuf)", null, after: true),

            // IChannelConfiguration.SetOption and ISocketChannelConfiguration.ReceiveBufferSize/SendBufferSize (DefaultSocketChannelConfiguration.cs:79-85, 125-185): when called.
            DotNetty(SetterShape.Invocation, "DotNetty.Transport.Channels.IChannelConfiguration", "SetOption", BufferSide.Receive, "IChannelConfiguration.SetOption(SoRcvbuf)", null, after: false),
            DotNetty(SetterShape.Invocation, "DotNetty.Transport.Channels.IChannelConfiguration", "SetOption", BufferSide.Send, "IChannelConfiguration.SetOption(SoSndbuf)", null, after: false),
            DotNetty(SetterShape.PropertySetter, "DotNetty.Transport.Channels.Sockets.ISocketChannelConfiguration", "ReceiveBufferSize", BufferSide.Receive, "ISocketChannelConfiguration.ReceiveBufferSize", null, after: false),
            DotNetty(SetterShape.PropertySetter, "DotNetty.Transport.Channels.Sockets.ISocketChannelConfiguration", "SendBufferSize", BufferSide.Send, "ISocketChannelConfiguration.SendBufferSize", null, after: false),

            // ---- Confluent.Kafka (confluentinc/confluent-kafka-dotnet @ f96837a9cc47; librdkafka @ 4c3b017c3de8 applies them): ClientConfig.SocketReceiveBufferBytes /
            // SocketSendBufferBytes (int?, Config_gen.cs:630, 640), bytes; 0 or null = not set (src/rdkafka_transport.c:1070, 1083);
            // before Connect (rd_kafka_transport_new :1069-1094, called :1142, connect :1163). Range 0..100000000 (rdkafka_conf.c:588-594).
            Kafka(SetterShape.PropertySetter, KafkaConfig, "SocketReceiveBufferBytes", BufferSide.Receive, -1, "ClientConfig.SocketReceiveBufferBytes", null),
            Kafka(SetterShape.PropertySetter, KafkaConfig, "SocketSendBufferBytes", BufferSide.Send, -1, "ClientConfig.SocketSendBufferBytes", null),

            // The keys (exact, case-sensitive: strcmp, rdkafka_conf.c:1975, 2577; the .NET Config dictionary is ordinal, Config.cs:64), values parsed
            // by strtol(value, &end, 0) (rdkafka_conf.c:2298): in Config.Set(key, value), a Dictionary<string, string> or a KeyValuePair<string, string>
            // (ClientConfig(IDictionary<string, string>), ProducerBuilder(IEnumerable<KeyValuePair<string, string>>)) where Confluent.Kafka is referenced.
            Kafka(SetterShape.Invocation, "Confluent.Kafka.Config", "Set", BufferSide.Receive, 1, "Config.Set(\"" + KafkaReceiveKey + "\")", KafkaReceiveKey),
            Kafka(SetterShape.Invocation, "Confluent.Kafka.Config", "Set", BufferSide.Send, 1, "Config.Set(\"" + KafkaSendKey + "\")", KafkaSendKey),
            Kafka(SetterShape.PropertySetter, "System.Collections.Generic.Dictionary`2", "this[]", BufferSide.Receive, -1, "config[\"" + KafkaReceiveKey + "\"]", KafkaReceiveKey),
            Kafka(SetterShape.PropertySetter, "System.Collections.Generic.Dictionary`2", "this[]", BufferSide.Send, -1, "config[\"" + KafkaSendKey + "\"]", KafkaSendKey),
            Kafka(SetterShape.Invocation, "System.Collections.Generic.Dictionary`2", "Add", BufferSide.Receive, 1, "config.Add(\"" + KafkaReceiveKey + "\")", KafkaReceiveKey),
            Kafka(SetterShape.Invocation, "System.Collections.Generic.Dictionary`2", "Add", BufferSide.Send, 1, "config.Add(\"" + KafkaSendKey + "\")", KafkaSendKey),
            Kafka(SetterShape.Construction, "System.Collections.Generic.KeyValuePair`2", ".ctor", BufferSide.Receive, 1, "KeyValuePair(\"" + KafkaReceiveKey + "\")", KafkaReceiveKey),
            Kafka(SetterShape.Construction, "System.Collections.Generic.KeyValuePair`2", ".ctor", BufferSide.Send, 1, "KeyValuePair(\"" + KafkaSendKey + "\")", KafkaSendKey),

            // ---- CassandraCSharpDriver (datastax/csharp-driver @ 7d4b37a3833f, 3.22.0): SocketOptions.SetReceiveBufferSize/SetSendBufferSize
            // (SocketOptions.cs:181-194), bytes; never called = not set, 0 is a size; applied in the TcpSocket constructor before Connect
            // (Connections/TcpSocket.cs:93-100, Connect :140-150) as Socket.ReceiveBufferSize. Default null.
            Cassandra(BufferSide.Receive, "SetReceiveBufferSize"),
            Cassandra(BufferSide.Send, "SetSendBufferSize"),

            // ---- Akka.IO (akkadotnet/akka.net @ 07c2b51640e9): new Inet.SO.ReceiveBufferSize(size) / SendBufferSize(size) (src/core/Akka/IO/Inet.cs:93-130,
            // 177-198), bytes, via Socket.SetSocketOption (0 is a size, negative clamps to the maximum). Receive: BeforeConnect (Inet.cs:126-129,
            // TcpOutgoingConnection.cs:51 before ConnectAsync :160) or on the listener (TcpListener.cs:155). Send: AfterConnect only (Inet.cs:194-197,
            // TcpConnection.cs:421-436). No default.
            Akka("Akka.IO.Inet+SO+ReceiveBufferSize", BufferSide.Receive, "Inet.SO.ReceiveBufferSize(size)", after: false),
            Akka("Akka.IO.Inet+SO+SendBufferSize", BufferSide.Send, "Inet.SO.SendBufferSize(size)", after: true),

            // ---- Hazelcast.Net (hazelcast/hazelcast-csharp-client @ fec3fa33b640, v5.6.0): Networking.SocketOptions.BufferSizeKiB
            // (src/Hazelcast.Net/Networking/SocketOptions.cs:45), KiB, both buffers = BufferSizeKiB * 1024 before ConnectAsync
            // (Networking/ClientSocketConnection.cs:75-78, connect :86); 0 is a size; default 128 KiB applied unconditionally.
            Hazelcast(BufferSide.Receive),
            Hazelcast(BufferSide.Send),

            // ---- SuperSocket 2.x (kerryjiang/SuperSocket @ bc0b9e9f9cc2, v2.0.2): ConnectionOptions.ReceiveBufferSize/SendBufferSize
            // (src/SuperSocket.Connection/ConnectionOptions.cs:21, 26; ServerOptions inherits them), bytes, applied when > 0 to each accepted
            // socket (Connections/TcpConnectionFactoryBase.cs:88-99, from TcpConnectionFactory.cs:50-54 after AcceptAsync): after the connection
            // exists. Default 4 KiB applied unconditionally; the same number sizes the pipe's reads (PipeConnection.cs:107-113).
            SuperSocket(BufferSide.Receive, "ReceiveBufferSize"),
            SuperSocket(BufferSide.Send, "SendBufferSize"),

            // ---- NetMQ (zeromq/netmq @ 1ab9ad07f438): SocketOptions.ReceiveBuffer/SendBuffer (src/NetMQ/SocketOptions.cs:75-88) and
            // ThreadSafeSocketOptions (ThreadSafeSocketOptions.cs:128-141), bytes, 0 = not set (Core/Transports/StreamEngine.cs:230-238); applied in
            // the StreamEngine constructor once connected or accepted (Tcp/TcpConnector.cs:219, 276; Tcp/TcpListener.cs:233): after Connect.
            NetMq("NetMQ.SocketOptions", "ReceiveBuffer", BufferSide.Receive, "SocketOptions.ReceiveBuffer"),
            NetMq("NetMQ.SocketOptions", "SendBuffer", BufferSide.Send, "SocketOptions.SendBuffer"),
            NetMq("NetMQ.ThreadSafeSocketOptions", "ReceiveBuffer", BufferSide.Receive, "ThreadSafeSocketOptions.ReceiveBuffer"),
            NetMq("NetMQ.ThreadSafeSocketOptions", "SendBuffer", BufferSide.Send, "ThreadSafeSocketOptions.SendBuffer"),

            // ---- AMQPNetLite (Azure/amqpnetlite @ ba49a27343fd): TcpSettings.ReceiveBufferSize/SendBufferSize (src/Net/TcpSettings.cs:66-88), bytes,
            // applied only when assigned (:103, 105; the getter's 8192 is never applied), 0 is a size; after Connect (TcpTransport.cs:89-92 then
            // :115-118) and after accept (src/Listener/ConnectionListener.cs:623-630). No default applied.
            Amqp(BufferSide.Receive, "ReceiveBufferSize"),
            Amqp(BufferSide.Send, "SendBufferSize"));

        /// <summary>
        /// Calls that give a knob's socket its endpoint, whose scheme picks the transport (<see cref="SetterForm.KindFromEndpoint"/>): NetMQ's
        /// Bind/Connect/BindRandomPort (src/NetMQ/NetMQSocket.cs, ThreadSafeSocket.cs; INetMQSocket). NetMQ's sockets also take a connection
        /// string in their constructors (<c>new SubscriberSocket("&gt;tcp://host:5556")</c>, endpoints separated by commas, each prefixed
        /// <c>@</c> to bind or <c>&gt;</c> to connect): a creation of a type derived from one of these types with a string argument.
        /// Schemes (src/NetMQ/Core/Address.cs, SocketBase.cs:540-600, SessionBase.cs:560-580): tcp; ipc, a TCP connection on the loopback
        /// (Transports/Ipc/IpcAddress.cs:48); pgm and epgm, both a PGM socket of SocketType.Rdm (Transports/Pgm/PgmSocket.cs:91, 129); inproc, no socket.
        /// </summary>
        public static ImmutableArray<ConnectionMember> Endpoints { get; } = ImmutableArray.Create(
            new ConnectionMember("NetMQ.NetMQSocket", "Bind"),
            new ConnectionMember("NetMQ.NetMQSocket", "Connect"),
            new ConnectionMember("NetMQ.NetMQSocket", "BindRandomPort"),
            new ConnectionMember("NetMQ.INetMQSocket", "Bind"),
            new ConnectionMember("NetMQ.INetMQSocket", "Connect"),
            new ConnectionMember("NetMQ.INetMQSocket", "BindRandomPort"),
            new ConnectionMember("NetMQ.ThreadSafeSocket", "Bind"),
            new ConnectionMember("NetMQ.ThreadSafeSocket", "Connect"),
            new ConnectionMember("NetMQ.ThreadSafeSocket", "BindRandomPort"));

        /// <summary>
        /// Libraries whose own default locks the buffers of every connection (SOCK008): where their client or options are created,
        /// the default in bytes, when it is applied, and what a user can write instead. A catalog test checks these numbers against the rows above.
        /// </summary>
        public static ImmutableArray<LockingDefault> LockingDefaults { get; } = ImmutableArray.Create(
            // MongoDB.Driver: 64 KiB both sides after Connect (rows above); 0 is rejected, so only a larger value (reaching the window from Linux 6.11)
            // or SO_BUF_LOCK = 0 in TcpStreamSettings' socketConfigurator (runs after the sizes, TcpStreamFactory.cs:163). The served 3.14.0 package
            // also has TcpStreamSettings.WithUseOperatingSystemBufferSizes(bool) ("the socket buffer sizes are left at the operating system defaults",
            // its XML documentation; newer than the researched snapshot): offered where the compilation sees it, and a call with true is explicit.
            new LockingDefault(
                "MongoDB.Driver",
                65536,
                65536,
                appliedAfterConnect: true,
                zeroAccepted: false,
                "TcpStreamSettings.With(receiveBufferSize:, sendBufferSize:) in ClusterConfigurator",
                ImmutableArray.Create(
                    new ConnectionMember("MongoDB.Driver.MongoClient", ".ctor"),
                    new ConnectionMember("MongoDB.Driver.MongoClientSettings", ".ctor"),
                    new ConnectionMember("MongoDB.Driver.MongoClientSettings", "FromConnectionString"),
                    new ConnectionMember("MongoDB.Driver.MongoClientSettings", "FromUrl")),
                "a socketConfigurator that clears the lock with setsockopt(SOL_SOCKET, SO_BUF_LOCK = 72, 0) (Linux 5.14+)",
                explicitMembers: ImmutableArray.Create(new ConnectionMember("MongoDB.Driver.Core.Configuration.TcpStreamSettings", "WithUseOperatingSystemBufferSizes")),
                optOut: new ConnectionMember("MongoDB.Driver.Core.Configuration.TcpStreamSettings", "WithUseOperatingSystemBufferSizes"),
                optOutText: "tcp.WithUseOperatingSystemBufferSizes(true) in ConfigureTcp (3.14+), which leaves the buffers to the kernel"),

            // MQTTnet: 8192 both sides before Connect (MqttTcpChannel.cs:81-82); 0 is a size (kernel minimum), so only a larger value.
            new LockingDefault(
                "MQTTnet",
                8192,
                8192,
                appliedAfterConnect: false,
                zeroAccepted: false,
                "MqttClientTcpOptions.BufferSize (WithTcpServer(host, port).WithTcpServer(o => o.BufferSize = n))",
                ImmutableArray.Create(
                    new ConnectionMember("MQTTnet.MqttClientFactory", "CreateMqttClient"),
                    new ConnectionMember("MQTTnet.MqttFactory", "CreateMqttClient"),
                    new ConnectionMember("MQTTnet.MqttClientOptionsBuilder", ".ctor"),
                    new ConnectionMember("MQTTnet.Client.MqttClientOptionsBuilder", ".ctor")),
                null),

            // Hazelcast.Net: 128 KiB both sides before Connect (ClientSocketConnection.cs:75-78); 0 is a size, there is no socket callback.
            new LockingDefault(
                "Hazelcast.Net",
                128 * 1024,
                128 * 1024,
                appliedAfterConnect: false,
                zeroAccepted: false,
                "Networking.Socket.BufferSizeKiB (KiB)",
                ImmutableArray.Create(
                    new ConnectionMember("Hazelcast.HazelcastOptions", ".ctor"),
                    new ConnectionMember("Hazelcast.HazelcastOptionsBuilder", ".ctor"),
                    new ConnectionMember("Hazelcast.HazelcastClientFactory", "StartNewClientAsync")),
                null),

            // SuperSocket: 4 KiB both sides on accepted sockets (TcpConnectionFactoryBase.cs:88-99); <= 0 leaves the socket alone (pipe reads stay 4 KiB).
            new LockingDefault(
                "SuperSocket",
                4096,
                4096,
                appliedAfterConnect: true,
                zeroAccepted: true,
                "ServerOptions.ReceiveBufferSize / SendBufferSize (serverOptions:receiveBufferSize)",
                ImmutableArray.Create(
                    new ConnectionMember("SuperSocket.Server.Abstractions.ServerOptions", ".ctor"),
                    new ConnectionMember("SuperSocket.Server.Host.SuperSocketHostBuilder", "Create")),
                null),

            // Akka.Remote classic transport: HOCON akka.remote.dot-netty.tcp.receive-buffer-size / send-buffer-size = 256000b
            // (src/core/Akka.Remote/Configuration/Remote.conf:462-468), applied before Connect on the client bootstrap (DotNettyTransport.cs:292-293)
            // and on the listener (:404-405); 0b = not set (DotNettyTransportSettings.cs:223). Created with ActorSystem.Create where Akka.Remote is referenced.
            new LockingDefault(
                "Akka.Remote",
                256000,
                256000,
                appliedAfterConnect: false,
                zeroAccepted: true,
                "akka.remote.dot-netty.tcp.receive-buffer-size / send-buffer-size (HOCON, \"0b\" = not set)",
                ImmutableArray.Create(new ConnectionMember("Akka.Actor.ActorSystem", "Create")),
                null,
                anchorTypeName: "Akka.Remote.RemoteSettings",
                explicitTexts: ImmutableArray.Create("receive-buffer-size", "send-buffer-size"),
                explicitMembers: ImmutableArray.Create(
                    new ConnectionMember("Akka.Configuration.ConfigurationFactory", "ParseString"),
                    new ConnectionMember("Akka.Actor.ActorSystem", "Create"))));

        private static SetterForm Mongo(SetterShape shape, string type, string member, BufferSide side, int ordinal, string display, string shortName) =>
            new SetterForm(
                type, member, shape, side, SetterApi.SocketProperty, display, shortName, valueOrdinal: ordinal,
                receiverIsSocket: false, appliedAfterConnect: true, library: "MongoDB.Driver", libraryDefault: 65536, defaultAppliedUnconditionally: true);

        private static SetterForm Mqtt(BufferSide side) =>
            new SetterForm(
                "MQTTnet.MqttClientTcpOptions",
                "BufferSize",
                SetterShape.PropertySetter,
                side,
                SetterApi.SocketProperty,
                "MqttClientTcpOptions.BufferSize (" + (side == BufferSide.Receive ? "SO_RCVBUF" : "SO_SNDBUF") + ")",
                "BufferSize",
                receiverIsSocket: false,
                library: "MQTTnet",
                libraryDefault: 8192,
                defaultAppliedUnconditionally: true,
                alternativeTypeNames: ImmutableArray.Create("MQTTnet.Client.MqttClientTcpOptions"));

        private static SetterForm Npgsql(SetterShape shape, string type, string member, BufferSide side, string display) =>
            new SetterForm(
                type, member, shape, side, SetterApi.SocketProperty, display, member, receiverIsSocket: false, zeroMeansUnset: true, negativeMeansUnset: true,
                library: "Npgsql", appliedAfterConnectBelowVersion: NpgsqlBeforeConnectFrom);

        private static SetterForm ConnectionString(SetterShape shape, string type, string member, int ordinal, string display, bool send = false) =>
            new SetterForm(
                type,
                member,
                shape,
                send ? BufferSide.Send : BufferSide.Receive,
                SetterApi.SocketProperty,
                display + " \"" + (send ? NpgsqlSendKeyword : NpgsqlReceiveKeyword) + "\"",
                send ? NpgsqlSendKeyword : NpgsqlReceiveKeyword,
                valueOrdinal: ordinal,
                receiverIsSocket: false,
                zeroMeansUnset: true,
                negativeMeansUnset: true,
                library: "Npgsql",
                valueSyntax: ValueSyntax.NpgsqlConnectionString,
                keyword: send ? NpgsqlSendKeyword : NpgsqlReceiveKeyword,
                appliedAfterConnectBelowVersion: NpgsqlBeforeConnectFrom);

        private static SetterForm DotNetty(SetterShape shape, string type, string member, BufferSide side, string display, string? receiverType, bool after) =>
            new SetterForm(
                type,
                member,
                shape,
                side,
                SetterApi.SocketProperty,
                display,
                side == BufferSide.Receive ? "SoRcvbuf" : "SoSndbuf",
                valueOrdinal: shape == SetterShape.PropertySetter ? -1 : 1,
                requiredArguments: shape == SetterShape.PropertySetter
                    ? default
                    : ImmutableArray.Create(RequiredArgument.StaticMember(0, DotNettyChannelOption, side == BufferSide.Receive ? "SoRcvbuf" : "SoSndbuf")),
                receiverIsSocket: false,
                appliedAfterConnect: after,
                library: "DotNetty",
                receiverTypeName: receiverType);

        private static SetterForm Kafka(SetterShape shape, string type, string member, BufferSide side, int ordinal, string display, string? key) =>
            new SetterForm(
                type,
                member,
                shape,
                side,
                SetterApi.SetSocketOption,
                display,
                key ?? member,
                valueOrdinal: ordinal,
                requiredArguments: key == null ? default : ImmutableArray.Create(RequiredArgument.String(0, key)),
                receiverIsSocket: false,
                zeroMeansUnset: true,
                library: "Confluent.Kafka",
                anchorTypeName: KafkaConfig,
                valueSyntax: key == null ? ValueSyntax.Number : ValueSyntax.CInteger);

        private static SetterForm Cassandra(BufferSide side, string member) =>
            new SetterForm(
                "Cassandra.SocketOptions", member, SetterShape.Invocation, side, SetterApi.SocketProperty, "SocketOptions." + member + "(n)", member,
                valueOrdinal: 0, receiverIsSocket: false, library: "CassandraCSharpDriver");

        private static SetterForm Akka(string type, BufferSide side, string display, bool after) =>
            new SetterForm(
                type, ".ctor", SetterShape.Construction, side, SetterApi.SetSocketOption, display, side == BufferSide.Receive ? "ReceiveBufferSize" : "SendBufferSize",
                valueOrdinal: 0, receiverIsSocket: false, appliedAfterConnect: after, library: "Akka");

        private static SetterForm Hazelcast(BufferSide side) =>
            new SetterForm(
                "Hazelcast.Networking.SocketOptions",
                "BufferSizeKiB",
                SetterShape.PropertySetter,
                side,
                SetterApi.SocketProperty,
                "SocketOptions.BufferSizeKiB (" + (side == BufferSide.Receive ? "SO_RCVBUF" : "SO_SNDBUF") + ")",
                "BufferSizeKiB",
                unit: SizeUnit.KiB,
                receiverIsSocket: false,
                library: "Hazelcast.Net",
                libraryDefault: 128,
                defaultAppliedUnconditionally: true);

        private static SetterForm SuperSocket(BufferSide side, string member) =>
            new SetterForm(
                "SuperSocket.Connection.ConnectionOptions", member, SetterShape.PropertySetter, side, SetterApi.SocketProperty, "ConnectionOptions." + member, member,
                receiverIsSocket: false, zeroMeansUnset: true, negativeMeansUnset: true, appliedAfterConnect: true, library: "SuperSocket",
                libraryDefault: 4096, defaultAppliedUnconditionally: true);

        private static SetterForm NetMq(string type, string member, BufferSide side, string display) =>
            new SetterForm(
                type, member, SetterShape.PropertySetter, side, SetterApi.SocketProperty, display, member,
                receiverIsSocket: false, zeroMeansUnset: true, appliedAfterConnect: true, library: "NetMQ", kindFromEndpoint: true);

        private static SetterForm Amqp(BufferSide side, string member) =>
            new SetterForm(
                "Amqp.TcpSettings", member, SetterShape.PropertySetter, side, SetterApi.SocketProperty, "TcpSettings." + member, member,
                receiverIsSocket: false, appliedAfterConnect: true, library: "AMQPNetLite");
    }

    /// <summary>A library default that locks the buffers of every connection the library makes: a row for SOCK008.</summary>
    internal sealed class LockingDefault
    {
        public LockingDefault(
            string library,
            long receiveBytes,
            long sendBytes,
            bool appliedAfterConnect,
            bool zeroAccepted,
            string knob,
            ImmutableArray<ConnectionMember> entryPoints,
            string? unlock,
            string? anchorTypeName = null,
            ImmutableArray<string> explicitTexts = default,
            ImmutableArray<ConnectionMember> explicitMembers = default,
            ConnectionMember? optOut = null,
            string? optOutText = null)
        {
            OptOut = optOut;
            OptOutText = optOutText;
            ExplicitMembers = explicitMembers.IsDefault ? ImmutableArray<ConnectionMember>.Empty : explicitMembers;
            Library = library;
            ReceiveBytes = receiveBytes;
            SendBytes = sendBytes;
            AppliedAfterConnect = appliedAfterConnect;
            ZeroAccepted = zeroAccepted;
            Knob = knob;
            EntryPoints = entryPoints;
            Unlock = unlock;
            AnchorTypeName = anchorTypeName;
            ExplicitTexts = explicitTexts.IsDefault ? ImmutableArray<string>.Empty : explicitTexts;
        }

        /// <summary>The library's name, as the knob rows name it.</summary>
        public string Library { get; }

        /// <summary>The default receive buffer size in bytes the library sets.</summary>
        public long ReceiveBytes { get; }

        public long SendBytes { get; }

        /// <summary>The library applies the default after connecting (a larger value reaches the window only from Linux 6.11).</summary>
        public bool AppliedAfterConnect { get; }

        /// <summary>0 (or "0b") tells the library to leave the buffers alone.</summary>
        public bool ZeroAccepted { get; }

        /// <summary>How a user sets the knob, for the message.</summary>
        public string Knob { get; }

        /// <summary>Where the library's client or options are created: the first of these in a project gets the diagnostic.</summary>
        public ImmutableArray<ConnectionMember> EntryPoints { get; }

        /// <summary>Another way out, when the library offers one (a socket callback), for the message.</summary>
        public string? Unlock { get; }

        /// <summary>A type that must be visible for the default to apply (Akka.Remote for ActorSystem.Create); null: the entry points' own types.</summary>
        public string? AnchorTypeName { get; }

        /// <summary>Configuration keys that, all in one constant string argument of an <see cref="ExplicitMembers"/> call, set the knob explicitly (Akka.Remote's HOCON).</summary>
        public ImmutableArray<string> ExplicitTexts { get; }

        /// <summary>Calls that set the knob explicitly: with <see cref="ExplicitTexts"/>, a constant string argument holding them all; without, a constant <c>true</c> argument.</summary>
        public ImmutableArray<ConnectionMember> ExplicitMembers { get; }

        /// <summary>A member that switches the library's sizes off, in versions that have it; the message offers <see cref="OptOutText"/> where the compilation sees it.</summary>
        public ConnectionMember? OptOut { get; }

        public string? OptOutText { get; }
    }
}
