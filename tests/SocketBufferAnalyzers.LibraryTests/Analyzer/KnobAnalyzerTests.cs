using System.Linq;
using System.Threading.Tasks;
using SocketBufferAnalyzers.Model;
using static SocketBufferAnalyzers.LibraryTests.Analyzer.KnobCompilation;

namespace SocketBufferAnalyzers.LibraryTests.Analyzer
{
    /// <summary>
    /// The analyzer on user code compiled against the real packages (MQTTnet, MongoDB.Driver, Npgsql, DotNetty, Confluent.Kafka,
    /// Akka, Akka.Remote, NetMQ, AMQPNetLite) and, marked [Stub], against Stubs/ for the libraries not served here (Hazelcast.Net,
    /// CassandraCSharpDriver, SuperSocket). Each library has a firing and a silent case; the expected ids and positions follow
    /// from the knob rows' facts (docs/library-knobs.md), the figures in SOCK008 from the window model for the default profile.
    /// </summary>
    public sealed class KnobAnalyzerTests
    {
        // ---- MQTTnet: BufferSize sets both buffers before Connect; 0 is a size.

        [Fact]
        public async Task MqttNetBufferSizeLocksBothBuffers()
        {
            var found = Describe(await RunAsync(@"
using MQTTnet;
static class C
{
    static MqttClientOptions Options() =>
        new MqttClientOptionsBuilder().WithTcpServer(""broker"", 1883).WithTcpServer(o => o.BufferSize = 64 * 1024).Build();
    static MqttClientTcpOptions Zero() => new MqttClientTcpOptions { BufferSize = 0 };
}"));
            Assert.Equal(new[] { "SOCK001@64 * 1024", "SOCK002@64 * 1024", "SOCK005@0", "SOCK005@0" }, found);
        }

        [Fact]
        public async Task MqttNetConfiguredGuardedIsSilent()
        {
            var found = Describe(await RunAsync(@"
using MQTTnet;
static class C
{
    static MqttClientOptions Options(int size) =>
        new MqttClientOptionsBuilder().WithTcpServer(""broker"", 1883).WithTcpServer(o => { if (size > 0) o.BufferSize = size; }).Build();
}"));
            Assert.Empty(found);
        }

        // ---- MongoDB.Driver: Optional<int> parameters, applied after Connect (SOCK004 on the receive side).

        [Fact]
        public async Task MongoWithReceiveBufferSizeIsFixedAndAfterConnect()
        {
            var found = Describe(await RunAsync(@"
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;
static class C
{
    static void Configure(MongoClientSettings settings) =>
        settings.ClusterConfigurator = b => b.ConfigureTcp(tcp => tcp.With(receiveBufferSize: 128 * 1024, sendBufferSize: 128 * 1024));
    static void Defaults() => MongoDefaults.TcpSendBufferSize = 32768;
}"));
            Assert.Equal(
                new[] { "SOCK004@With(receiveBufferSize: 128 * 1024, sendBufferSize: 128 * 1024)", "SOCK001@128 * 1024", "SOCK002@128 * 1024", "SOCK002@32768" },
                found);
        }

        [Fact]
        public async Task MongoSettingsWithoutBufferArgumentsAreSilent()
        {
            // The other optional parameters are left out: no buffer argument, no setting. No MongoClient is created: no SOCK008.
            var found = Describe(await RunAsync(@"
using System;
using MongoDB.Driver.Core.Configuration;
static class C
{
    static TcpStreamSettings Tcp() => new TcpStreamSettings(connectTimeout: TimeSpan.FromSeconds(5)).With(readTimeout: TimeSpan.FromSeconds(1));
}"));
            Assert.Empty(found);
        }

        // ---- Npgsql: builder properties and connection-string keywords (case-insensitive, alias, last wins); <= 0 is not set.

        [Fact]
        public async Task NpgsqlKeywordsInAConstantConnectionStringAreSettings()
        {
            var found = Describe(await RunAsync(@"
using Npgsql;
static class C
{
    const string Cs = ""Host=db;socket receive buffer size = 65536 ;SocketSendBufferSize='8192'"";
    static NpgsqlConnection Open() => new NpgsqlConnection(Cs);
    static NpgsqlDataSource Source() => NpgsqlDataSource.Create(""Host=db;Socket Receive Buffer Size=1;Socket Receive Buffer Size=65536"");
    static NpgsqlConnectionStringBuilder Builder() => new NpgsqlConnectionStringBuilder { Host = ""db"", SocketSendBufferSize = 1 << 16 };
}"));
            Assert.Equal(
                new[] { "SOCK001@Cs", "SOCK002@Cs", "SOCK001@\"Host=db;Socket Receive Buffer Size=1;Socket Receive Buffer Size=65536\"", "SOCK002@1 << 16" },
                found);
        }

        [Fact]
        public async Task NpgsqlUnsetOrRejectedValuesAreSilent()
        {
            // 0 and negative: Npgsql skips them; hex and "Receive Buffer Size" (another keyword): Npgsql throws, nothing reaches a socket.
            var found = Describe(await RunAsync(@"
using Npgsql;
static class C
{
    static NpgsqlConnection A() => new NpgsqlConnection(""Host=db;Socket Receive Buffer Size=0;Socket Send Buffer Size=-1"");
    static NpgsqlConnection B() => new NpgsqlConnection(""Host=db;Socket Receive Buffer Size=0x10000;Receive Buffer Size=65536"");
    static NpgsqlConnectionStringBuilder D(int size) => new NpgsqlConnectionStringBuilder { SocketReceiveBufferSize = size, SocketSendBufferSize = 0 };
}"));
            Assert.Empty(found);
        }

        // ---- DotNetty: Option(ChannelOption.SoRcvbuf, n) on the client (before Connect), ChildOption on accepted channels (after).

        [Fact]
        public async Task DotNettyBufferOptionsAreSettings()
        {
            var found = Describe(await RunAsync(@"
using DotNetty.Transport.Bootstrapping;
using DotNetty.Transport.Channels;
using DotNetty.Transport.Channels.Sockets;
static class C
{
    static Bootstrap Client() => new Bootstrap().Channel<TcpSocketChannel>().Option(ChannelOption.SoRcvbuf, 64 * 1024);
    static ServerBootstrap Server() => new ServerBootstrap().Channel<TcpServerSocketChannel>().ChildOption(ChannelOption.SoRcvbuf, 128 * 1024);
}"));
            Assert.Equal(new[] { "SOCK001@64 * 1024", "SOCK004@ChildOption(ChannelOption.SoRcvbuf, 128 * 1024)", "SOCK001@128 * 1024" }, found);
        }

        [Fact]
        public async Task DotNettyOtherOptionsAreSilent()
        {
            var found = Describe(await RunAsync(@"
using DotNetty.Transport.Bootstrapping;
using DotNetty.Transport.Channels;
static class C
{
    static Bootstrap Client() => new Bootstrap().Option(ChannelOption.SoBacklog, 65536).Option(ChannelOption.SoKeepalive, true).Option(ChannelOption.WriteBufferHighWaterMark, 65536);
}"));
            Assert.Empty(found);
        }

        // ---- Confluent.Kafka: properties (int?), exact keys, strtol values; 0 is not set, out of range is rejected by Build().

        [Fact]
        public async Task KafkaPropertiesAndKeysAreSettings()
        {
            var found = Describe(await RunAsync(@"
using System.Collections.Generic;
using Confluent.Kafka;
static class C
{
    static ProducerConfig P() => new ProducerConfig { SocketReceiveBufferBytes = 65536 };
    static ClientConfig D() => new ClientConfig(new Dictionary<string, string> { [""socket.send.buffer.bytes""] = ""0x10000"" });
    static void S(ClientConfig config) => config.Set(""socket.receive.buffer.bytes"", ""24k"");
}"));
            // "24k" is 24 bytes to strtol: below the kernel minimum.
            Assert.Equal(new[] { "SOCK001@65536", "SOCK002@\"0x10000\"", "SOCK005@\"24k\"" }, found);
        }

        [Fact]
        public async Task KafkaUnsetWrongCaseAndOutOfRangeAreSilent()
        {
            var found = Describe(await RunAsync(@"
using System.Collections.Generic;
using Confluent.Kafka;
static class C
{
    static AdminClientConfig A() => new AdminClientConfig { SocketSendBufferBytes = 0, SocketReceiveBufferBytes = null };
    static ClientConfig D() => new ClientConfig(new Dictionary<string, string> { [""Socket.Receive.Buffer.Bytes""] = ""65536"", [""socket.send.buffer.bytes""] = ""100000001"" });
    static Dictionary<string, string> Other() => new Dictionary<string, string> { [""receive.buffer.bytes""] = ""65536"" };
}"));
            Assert.Empty(found);
        }

        // ---- CassandraCSharpDriver [Stub]: SetReceiveBufferSize / SetSendBufferSize before Connect; never called = not set.

        [Fact]
        public async Task CassandraSocketOptionsAreSettings_Stub()
        {
            var found = Describe(await RunAsync(@"
static class C
{
    static Cassandra.Builder B() => Cassandra.Cluster.Builder().WithSocketOptions(new Cassandra.SocketOptions().SetReceiveBufferSize(65536));
}"));
            Assert.Equal(new[] { "SOCK001@65536" }, found);
        }

        [Fact]
        public async Task CassandraWithoutBufferCallsIsSilent_Stub()
        {
            var found = Describe(await RunAsync(@"
static class C
{
    static Cassandra.Builder B(int? size)
    {
        var options = new Cassandra.SocketOptions();
        if (size is int s && s > 0) options.SetReceiveBufferSize(s);
        return Cassandra.Cluster.Builder().AddContactPoint(""db"").WithSocketOptions(options);
    }
}"));
            Assert.Empty(found);
        }

        // ---- Akka.IO: new Inet.SO.ReceiveBufferSize(n) (before Connect) / SendBufferSize(n) (after Connect: no SOCK004, send side).

        [Fact]
        public async Task AkkaInetSocketOptionsAreSettings()
        {
            var found = Describe(await RunAsync(@"
using System.Net;
using Akka.IO;
static class C
{
    static Tcp.Connect Connect() => new Tcp.Connect(new IPEndPoint(IPAddress.Loopback, 1),
        options: new Inet.SocketOption[] { new Inet.SO.ReceiveBufferSize(64 * 1024), new Inet.SO.SendBufferSize(0) });
}"));
            Assert.Equal(new[] { "SOCK001@64 * 1024", "SOCK005@0" }, found);
        }

        [Fact]
        public async Task AkkaConnectWithoutBufferOptionsIsSilent()
        {
            var found = Describe(await RunAsync(@"
using System.Net;
using Akka.IO;
static class C
{
    static Tcp.Connect Connect() => new Tcp.Connect(new IPEndPoint(IPAddress.Loopback, 1), options: new Inet.SocketOption[] { new Inet.SO.ReuseAddress(true) });
}"));
            Assert.Empty(found);
        }

        // ---- Hazelcast.Net [Stub]: BufferSizeKiB, in KiB, both buffers.

        [Fact]
        public async Task HazelcastBufferSizeIsInKiB_Stub()
        {
            var diagnostics = await RunAsync(@"
static class C
{
    static Hazelcast.HazelcastOptions O() => new Hazelcast.HazelcastOptionsBuilder().With(o => o.Networking.Socket.BufferSizeKiB = 64).Build();
}");
            Assert.Equal(new[] { "SOCK001@64", "SOCK002@64" }, Describe(diagnostics));

            // 64 KiB = 65536 bytes reach the kernel: the message's figures are those of 65536, not of 64.
            var expected = WindowModel.Evaluate(KernelProfile.Default, new BufferRequest(65536, BufferSide.Receive), LinkProfile.Default);
            var message = diagnostics[0].GetMessage();
            Assert.Contains("Hazelcast.Net", message);
            Assert.Contains("Linux doubles it to " + Units.Bytes(expected.EffectiveBuffer), message);
        }

        [Fact]
        public async Task HazelcastConfiguredGuardedIsSilent_Stub()
        {
            var found = Describe(await RunAsync(@"
static class C
{
    static void Set(Hazelcast.HazelcastOptions options, int kib) { if (kib > 128) options.Networking.Socket.BufferSizeKiB = kib; }
}"));
            Assert.Empty(found);
        }

        // ---- SuperSocket [Stub]: ServerOptions.ReceiveBufferSize on accepted sockets (after the connection exists); <= 0 is not set.

        [Fact]
        public async Task SuperSocketServerOptionsAreSettings_Stub()
        {
            var found = Describe(await RunAsync(@"
static class C
{
    static SuperSocket.Server.Abstractions.ServerOptions O() => new SuperSocket.Server.Abstractions.ServerOptions { Name = ""s"", ReceiveBufferSize = 128 * 1024 };
}"));
            // The send side keeps SuperSocket's 4 KiB default: SOCK008 still points at the options' creation.
            Assert.Equal(new[] { "SOCK008@new SuperSocket.Server.Abstractions.ServerOptions { Name = \"s\", ReceiveBufferSize = 128 * 1024 }", "SOCK004@ReceiveBufferSize = 128 * 1024", "SOCK001@128 * 1024" }, found);
        }

        [Fact]
        public async Task SuperSocketZeroIsNotSet_Stub()
        {
            var found = Describe(await RunAsync(@"
static class C
{
    static SuperSocket.Server.Abstractions.ServerOptions O() => new SuperSocket.Server.Abstractions.ServerOptions { Name = ""s"", ReceiveBufferSize = 0, SendBufferSize = 0 };
}"));
            Assert.Empty(found);
        }

        // ---- NetMQ: applied after Connect and after accept; 0 is not set.

        [Fact]
        public async Task NetMqReceiveBufferIsAppliedAfterConnect()
        {
            var found = Describe(await RunAsync(@"
using NetMQ.Sockets;
static class C
{
    static void M(DealerSocket socket) => socket.Options.ReceiveBuffer = 128 * 1024;
}"));
            Assert.Equal(new[] { "SOCK004@socket.Options.ReceiveBuffer = 128 * 1024", "SOCK001@128 * 1024" }, found);
        }

        [Fact]
        public async Task NetMqZeroAndConfiguredAreSilent()
        {
            // 0 is NetMQ's "not set", so a configured value needs no guard (configuration 0 keeps autotuning).
            var found = Describe(await RunAsync(@"
using NetMQ;
static class C
{
    static void M(NetMQSocket socket, int size) { socket.Options.SendBuffer = 0; socket.Options.SendBuffer = size; }
}"));
            Assert.Empty(found);
        }

        [Fact]
        public async Task NetMqTransportFollowsTheSocketsEndpoints()
        {
            // pgm:// and epgm:// are PGM sockets (SocketType.Rdm): no TCP rules, the kernel limit still applies; inproc:// has no socket;
            // tcp:// (also built at run time) and ipc:// (TCP on the loopback) keep the TCP rules; so does a socket whose endpoint is not seen.
            var found = Describe(await RunAsync(@"
using NetMQ;
using NetMQ.Sockets;
static class C
{
    static void Pgm() { using var pub = new PublisherSocket(); pub.Options.SendBuffer = 64 * 1024; pub.Connect(""pgm://224.0.0.1:5555""); }
    static void Epgm() { using var sub = new SubscriberSocket(); sub.Options.ReceiveBuffer = 8 * 1024 * 1024; sub.Bind(""epgm://eth0;239.192.1.1:5556""); }
    static void InProcess() { using var pair = new PairSocket(""@inproc://events""); pair.Options.ReceiveBuffer = 8 * 1024 * 1024; }
    static void Tcp(string host) { using var sub = new SubscriberSocket(); sub.Options.ReceiveBuffer = 128 * 1024; sub.Connect($""tcp://{host}:5556""); }
    static void Ipc() { using var dealer = new DealerSocket("">ipc://jobs""); dealer.Options.SendBuffer = 64 * 1024; }
    static void Unseen(string address) { using var push = new PushSocket(); push.Options.SendBuffer = 32 * 1024; push.Connect(address); }
}"));
            Assert.Equal(
                new[]
                {
                    "SOCK003@8 * 1024 * 1024",
                    "SOCK004@sub.Options.ReceiveBuffer = 128 * 1024", "SOCK001@128 * 1024",
                    "SOCK002@64 * 1024",
                    "SOCK002@32 * 1024",
                },
                found);
        }

        // ---- AMQPNetLite: applied only when assigned, after Connect; reading TCP applies nothing (no SOCK008).

        [Fact]
        public async Task AmqpTcpSettingsAreSettings()
        {
            var found = Describe(await RunAsync(@"
using Amqp;
static class C
{
    static ConnectionFactory F() { var f = new ConnectionFactory(); f.TCP.ReceiveBufferSize = 128 * 1024; return f; }
}"));
            Assert.Equal(new[] { "SOCK004@f.TCP.ReceiveBufferSize = 128 * 1024", "SOCK001@128 * 1024" }, found);
        }

        [Fact]
        public async Task AmqpFactoryWithoutAssignmentIsSilent()
        {
            var found = Describe(await RunAsync(@"
using Amqp;
static class C
{
    static int F() { var f = new ConnectionFactory(); return f.TCP.ReceiveBufferSize; }
}"));
            Assert.Empty(found);
        }

        // ---- SOCK008: the five locking defaults, and nothing else.

        [Fact]
        public async Task Sock008FiresForTheFiveLockingDefaultsAndNothingElse()
        {
            var diagnostics = await RunAsync(@"
using System.Net;
static class C
{
    static void Clients()
    {
        var mongo = new MongoDB.Driver.MongoClient(""mongodb://db"");
        var mqtt = new MQTTnet.MqttClientFactory().CreateMqttClient();
        var hazelcast = new Hazelcast.HazelcastOptionsBuilder().Build();
        var superSocket = new SuperSocket.Server.Abstractions.ServerOptions { Name = ""s"" };
        var akka = Akka.Actor.ActorSystem.Create(""sys"");
        var npgsql = new Npgsql.NpgsqlConnection(""Host=db"");
        var kafka = new Confluent.Kafka.ProducerBuilder<string, string>(new Confluent.Kafka.ProducerConfig()).Build();
        var dotnetty = new DotNetty.Transport.Bootstrapping.Bootstrap();
        var cassandra = Cassandra.Cluster.Builder().AddContactPoint(""db"");
        var netmq = new NetMQ.Sockets.DealerSocket();
        var amqp = new Amqp.ConnectionFactory();
        var amqpTcp = amqp.TCP;
        var akkaIo = new Akka.IO.Tcp.Connect(new IPEndPoint(IPAddress.Loopback, 1));
    }
}");
            var sock008 = diagnostics.Where(d => d.Id == "SOCK008").ToList();
            Assert.Equal(
                new[]
                {
                    "new MongoDB.Driver.MongoClient(\"mongodb://db\")",
                    "new MQTTnet.MqttClientFactory().CreateMqttClient()",
                    "new Hazelcast.HazelcastOptionsBuilder()",
                    "new SuperSocket.Server.Abstractions.ServerOptions { Name = \"s\" }",
                    "Akka.Actor.ActorSystem.Create(\"sys\")",
                },
                sock008.Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)).ToArray());
            Assert.Equal(new[] { "MongoDB.Driver", "MQTTnet", "Hazelcast.Net", "SuperSocket", "Akka.Remote" }, sock008.Select(d => d.GetMessage().Split(' ')[0]).ToArray());
            Assert.All(sock008, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, d.Severity));
            Assert.Equal(sock008.Count, diagnostics.Length);
        }

        [Fact]
        public async Task Sock008CarriesTheLibrarysNumbersForTheProfileAndWhatToDo()
        {
            var diagnostics = await RunAsync(@"
static class C
{
    static object Mqtt() => new MQTTnet.MqttClientFactory().CreateMqttClient();
    static object Mongo() => new MongoDB.Driver.MongoClient(""mongodb://db"");
}", "socket_buffer.link_rtt = 20ms");
            var mqtt = diagnostics.Single(d => d.GetMessage().StartsWith("MQTTnet")).GetMessage();
            var mongo = diagnostics.Single(d => d.GetMessage().StartsWith("MongoDB.Driver")).GetMessage();

            // MQTTnet: 8192 before Connect, 0 is a size: a larger value is the way out.
            var link = new LinkProfile(1_000_000_000, 20_000);
            var mqttReceive = WindowModel.Evaluate(KernelProfile.Default, new BufferRequest(8192, BufferSide.Receive), link);
            Assert.Contains("Linux keeps " + Units.Bytes(mqttReceive.EffectiveBuffer), mqtt);
            Assert.Contains("at most " + Units.Bytes(mqttReceive.MaxWindow), mqtt);
            Assert.Contains("at 20 ms RTT", mqtt);
            Assert.Contains("0 would lock the kernel minimum", mqtt);

            // MongoDB: 64 KiB after Connect, 0 rejected: 3.14 (referenced here) has WithUseOperatingSystemBufferSizes; a larger value helps only from Linux 6.11.
            var mongoReceive = WindowModel.Evaluate(KernelProfile.Default, new BufferRequest(65536, BufferSide.Receive, SocketKind.Tcp, SetTiming.AfterConnect), link);
            Assert.Contains("set after it connects", mongo);
            Assert.Contains("at most " + Units.Bytes(mongoReceive.MaxWindow), mongo);
            Assert.Contains("Linux 6.11", mongo);
            Assert.Contains("WithUseOperatingSystemBufferSizes(true)", mongo);
        }

        [Fact]
        public async Task Sock008IsSilentWhereMongoLeavesTheSizesToTheSystem()
        {
            var diagnostics = await RunAsync(@"
using MongoDB.Driver;
static class C
{
    static MongoClient Mongo(bool keep)
    {
        var settings = MongoClientSettings.FromConnectionString(""mongodb://db"");
        settings.ClusterConfigurator = b => b.ConfigureTcp(t => t.WithUseOperatingSystemBufferSizes(true));
        return new MongoClient(settings);
    }

    static MongoClient Other(bool keep) => new MongoClient(new MongoClientSettings { ClusterConfigurator = b => b.ConfigureTcp(t => t.WithUseOperatingSystemBufferSizes(keep)) });
}");
            Assert.Empty(diagnostics);

            var notOptedOut = await RunAsync(@"
using MongoDB.Driver;
static class C
{
    static MongoClient Other(bool keep) => new MongoClient(new MongoClientSettings { ClusterConfigurator = b => b.ConfigureTcp(t => t.WithUseOperatingSystemBufferSizes(keep)) });
}");
            Assert.Equal("SOCK008", Assert.Single(notOptedOut).Id);
        }

        [Fact]
        public async Task Sock008IsReportedOnceAtTheFirstCreationByPath()
        {
            // /0/Test0.cs sorts first although its creation sits further into its file than the one in /0/Test1.cs.
            var firstPath = "static class B { static object M() => new MQTTnet.MqttClientFactory().CreateMqttClient(); static object N() => new MQTTnet.MqttClientOptionsBuilder(); }";
            var secondPath = "static class A{static object M()=>new MQTTnet.MqttClientOptionsBuilder();}";
            var diagnostics = await RunAsync(firstPath, null, secondPath);
            var single = Assert.Single(diagnostics, d => d.Id == "SOCK008");
            Assert.Equal("/0/Test0.cs", single.Location.SourceTree!.FilePath);
            Assert.Equal("new MQTTnet.MqttClientFactory().CreateMqttClient()", single.Location.SourceTree.GetText().ToString(single.Location.SourceSpan));
        }

        [Fact]
        public async Task Sock008IsSilentWhereTheProjectSetsTheKnobOnBothSides()
        {
            // Both sides explicit (MongoDB, SuperSocket), or Akka.Remote's two HOCON keys in a constant configuration: the user chose.
            // One side only (MQTTnet's BufferSize covers both; Hazelcast none): still reported where no explicit setting covers both sides.
            var diagnostics = await RunAsync(@"
using MongoDB.Driver;
static class C
{
    static MongoClient Mongo()
    {
        var settings = MongoClientSettings.FromConnectionString(""mongodb://db"");
        settings.ClusterConfigurator = b => b.ConfigureTcp(t => t.With(receiveBufferSize: 1 << 17, sendBufferSize: 1 << 17));
        return new MongoClient(settings);
    }

    static object Server() => new SuperSocket.Server.Abstractions.ServerOptions { ReceiveBufferSize = 0, SendBufferSize = 0 };

    static object Akka() => global::Akka.Actor.ActorSystem.Create(""sys"", global::Akka.Configuration.ConfigurationFactory.ParseString(
        ""akka.remote.dot-netty.tcp { receive-buffer-size = 0b\nsend-buffer-size = 0b }""));

    static object Mqtt() => new MQTTnet.MqttClientOptionsBuilder().WithTcpServer(""b"", 1).WithTcpServer(o => o.BufferSize = 1 << 17).Build();
}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "SOCK008");
        }
    }
}
