using System;
using System.Net;
using System.Threading.Tasks;
using Amqp;
using Confluent.Kafka;
using MQTTnet;
using Npgsql;
using SocketBufferAnalyzers.ConformanceTests;
using SocketBufferAnalyzers.LibraryTests.Loopback;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.LibraryTests
{
    /// <summary>
    /// Each real client library connects to a fake server on 127.0.0.1; <c>ss -tmin</c> then shows the buffers of the
    /// library's own socket (skmem rb = sk_rcvbuf, tb = sk_sndbuf). A size set with SO_RCVBUF/SO_SNDBUF reads back as
    /// the window model's EffectiveBuffer (twice the value on Linux, clamped at rmem_max/wmem_max); a socket nobody
    /// set starts at tcp_rmem[1] and, once established, has a send buffer expanded by the kernel. Tests wait for the
    /// socket to appear (up to a minute) and assert no timing.
    /// </summary>
    public sealed class LibraryConnectionTests(ITestOutputHelper output)
    {
        [LoopbackFact]
        public async Task MqttNetDefaultLocksBothBuffersAt8192()
        {
            var expectedDefault = 8192; // the knob row's claim: MqttClientTcpOptions.BufferSize = 8192, both buffers
            var receive = Host.Model(expectedDefault, BufferSide.Receive);
            var send = Host.Model(expectedDefault, BufferSide.Send);
            using var server = FakeServer.Start();
            using var mqtt = new MqttClientFactory().CreateMqttClient();
            var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", server.Port).WithTimeout(TimeSpan.FromSeconds(120)).Build();

            await using var seen = await Observation.StartAsync(server, token => mqtt.ConnectAsync(options, token));
            var socket = seen.ClientSocket();

            var c = new Comparison(output, "MQTTnet 5.2 client, options from WithTcpServer(host, port) (library default)");
            c.Equal("rb: SO_RCVBUF 8192 (model EffectiveBuffer)", receive.EffectiveBuffer, socket.ReceiveBuffer);
            c.Equal("tb: SO_SNDBUF 8192 (model EffectiveBuffer)", send.EffectiveBuffer, socket.SendBuffer);
            Timing.CheckScale(c, receive, socket, "set before Connect");
            c.Note(seen.Command);
            c.Note(socket.Raw);
            c.Verify();
        }

        /// <summary>MQTTnet passes any value on: 0 is not "unset" but SO_RCVBUF/SO_SNDBUF 0, the kernel's minimum, locked.</summary>
        [LoopbackTheory]
        [InlineData(24 * 1024)]
        [InlineData(0)]
        public async Task MqttNetBufferSizeFromTheBuilderReachesTheSocket(int knob)
        {
            var receive = Host.Model(knob, BufferSide.Receive);
            var send = Host.Model(knob, BufferSide.Send);
            using var server = FakeServer.Start();
            using var mqtt = new MqttClientFactory().CreateMqttClient();
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", server.Port)
                .WithTcpServer(o => o.BufferSize = knob)
                .WithTimeout(TimeSpan.FromSeconds(120))
                .Build();

            await using var seen = await Observation.StartAsync(server, token => mqtt.ConnectAsync(options, token));
            var socket = seen.ClientSocket();

            var c = new Comparison(output, $"MQTTnet 5.2 client, WithTcpServer(host, port).WithTcpServer(o => o.BufferSize = {knob})");
            c.Equal("rb (model EffectiveBuffer)", receive.EffectiveBuffer, socket.ReceiveBuffer);
            c.Equal("tb (model EffectiveBuffer)", send.EffectiveBuffer, socket.SendBuffer);
            Timing.CheckScale(c, receive, socket, "set before Connect");
            c.Note(seen.Command);
            c.Note(socket.Raw);
            c.Verify();
        }

        [LoopbackFact]
        public async Task NpgsqlConnectionStringKeywordsReachTheSocket()
        {
            const int Receive = 24 * 1024;
            const int Send = 40 * 1024;
            var receive = Host.Model(Receive, BufferSide.Receive);
            var send = Host.Model(Send, BufferSide.Send);
            using var server = FakeServer.Start();
            var connectionString = $"Host=127.0.0.1;Port={server.Port};Username=u;Password=p;Pooling=false;SSL Mode=Disable;Timeout=120;"
                + $"Socket Receive Buffer Size={Receive};Socket Send Buffer Size={Send}";
            await using var connection = new NpgsqlConnection(connectionString);

            await using var seen = await Observation.StartAsync(server, token => connection.OpenAsync(token));
            var socket = seen.ClientSocket();

            var c = new Comparison(output, "Npgsql 10.0.3, keywords Socket Receive Buffer Size / Socket Send Buffer Size in the connection string");
            c.Equal($"rb: Socket Receive Buffer Size={Receive}", receive.EffectiveBuffer, socket.ReceiveBuffer);
            c.Equal($"tb: Socket Send Buffer Size={Send}", send.EffectiveBuffer, socket.SendBuffer);
            Timing.CheckScale(c, receive, socket, "Npgsql 10 sets it before Connect");
            c.Note(seen.Command);
            c.Note(socket.Raw);
            c.Verify();
        }

        [LoopbackFact]
        public async Task AmqpNetLiteReportsA8192DefaultItNeverApplies()
        {
            var profile = Host.Profile;
            using var server = FakeServer.Start();
            var factory = new ConnectionFactory();
            var reported = factory.TCP.ReceiveBufferSize; // the getter's default, while nothing was assigned
            var lockedIfApplied = Host.Model(reported, BufferSide.Receive).EffectiveBuffer;

            await using var seen = await Observation.StartAsync(server, _ => factory.CreateAsync(new Address($"amqp://guest:guest@127.0.0.1:{server.Port}")));
            var greeting = await seen.FirstBytesAsync(); // TcpTransport applies its TcpSettings before its first send
            var socket = seen.ClientSocket();

            var c = new Comparison(output, "AMQPNetLite 2.5.5 ConnectionFactory, TCP settings read but not assigned");
            c.Check("the client's protocol header arrived (settings already applied)", "> 0 bytes", greeting, greeting > 0);
            c.Equal("TcpSettings.ReceiveBufferSize getter", 8192, reported);
            c.Equal("rb: unset socket starts at tcp_rmem[1]", profile.TcpRmem.Default, socket.ReceiveBuffer);
            c.Check("rb is not the getter's value applied", "!= " + Comparison.N(lockedIfApplied), socket.ReceiveBuffer, socket.ReceiveBuffer != lockedIfApplied);
            Timing.CheckScale(c, Host.Model(reported, BufferSide.Receive, SetTiming.AfterConnect), socket, "nothing set before Connect");
            c.Note(seen.Command);
            c.Note(socket.Raw);
            c.Verify();
        }

        [LoopbackFact]
        public async Task AmqpNetLiteAssignedBufferReachesTheSocketAfterConnect()
        {
            const int Knob = 24 * 1024;
            var receive = Host.Model(Knob, BufferSide.Receive, SetTiming.AfterConnect);
            var send = Host.Model(Knob, BufferSide.Send, SetTiming.AfterConnect);
            using var server = FakeServer.Start();
            var factory = new ConnectionFactory();
            factory.TCP.ReceiveBufferSize = Knob;
            factory.TCP.SendBufferSize = Knob;

            await using var seen = await Observation.StartAsync(server, _ => factory.CreateAsync(new Address($"amqp://guest:guest@127.0.0.1:{server.Port}")));
            var socket = seen.ClientSocket(s => s.ReceiveBuffer == receive.EffectiveBuffer);

            var c = new Comparison(output, $"AMQPNetLite 2.5.5 ConnectionFactory.TCP.ReceiveBufferSize = SendBufferSize = {Knob}");
            c.Equal("rb (model EffectiveBuffer)", receive.EffectiveBuffer, socket.ReceiveBuffer);
            c.Equal("tb (model EffectiveBuffer)", send.EffectiveBuffer, socket.SendBuffer);
            Timing.CheckScale(c, receive, socket, "set after Connect");
            c.Note(seen.Command);
            c.Note(socket.Raw);
            c.Verify();
        }

        [LoopbackFact]
        public async Task NetMqBuffersReachTheSocketAfterConnect()
        {
            const int Knob = 24 * 1024;
            var receive = Host.Model(Knob, BufferSide.Receive, SetTiming.AfterConnect);
            var send = Host.Model(Knob, BufferSide.Send, SetTiming.AfterConnect);
            using var server = FakeServer.Start();
            using var dealer = new NetMQ.Sockets.DealerSocket();
            dealer.Options.ReceiveBuffer = Knob;
            dealer.Options.SendBuffer = Knob;
            dealer.Options.Linger = TimeSpan.Zero;

            await using var seen = await Observation.StartAsync(server, _ =>
            {
                dealer.Connect($"tcp://127.0.0.1:{server.Port}");
                return Task.CompletedTask;
            });
            var socket = seen.ClientSocket(s => s.ReceiveBuffer == receive.EffectiveBuffer);

            var c = new Comparison(output, $"NetMQ 4.0.4.5 DealerSocket, Options.ReceiveBuffer = SendBuffer = {Knob}");
            c.Equal("rb (model EffectiveBuffer)", receive.EffectiveBuffer, socket.ReceiveBuffer);
            c.Equal("tb (model EffectiveBuffer)", send.EffectiveBuffer, socket.SendBuffer);
            Timing.CheckScale(c, receive, socket, "set after Connect");
            c.Note(seen.Command);
            c.Note(socket.Raw);
            c.Verify();
        }

        /// <summary>
        /// librdkafka reads an integer property with strtol(value, &amp;end, 0): hexadecimal and octal prefixes count,
        /// and anything after the digits is ignored, so "24k" is 24 bytes (raised to the kernel's minimum).
        /// </summary>
        [LoopbackTheory]
        [InlineData("24576", 24576)]
        [InlineData("0x6000", 24576)]
        [InlineData("24k", 24)]
        public async Task KafkaConfigKeysReachTheSocketThroughLibrdkafka(string receiveText, int receiveParsed)
        {
            const int Send = 40 * 1024;
            var receive = Host.Model(receiveParsed, BufferSide.Receive, api: SetterApi.SetSocketOption);
            var send = Host.Model(Send, BufferSide.Send, api: SetterApi.SetSocketOption);
            using var server = FakeServer.Start();
            var config = new AdminClientConfig(new System.Collections.Generic.Dictionary<string, string>
            {
                ["bootstrap.servers"] = $"127.0.0.1:{server.Port}",
                ["socket.receive.buffer.bytes"] = receiveText,
            })
            {
                SocketSendBufferBytes = Send,
            };
            using var admin = new AdminClientBuilder(config).Build();

            // librdkafka connects to a bootstrap server on its own thread; metadata requests (short, until the test is
            // done, so disposing the client never waits long) make sure it does.
            await using var seen = await Observation.StartAsync(server, token => Task.Run(() =>
            {
                while (!token.IsCancellationRequested)
                {
                    try
                    {
                        admin.GetMetadata(TimeSpan.FromSeconds(1));
                    }
                    catch (KafkaException)
                    {
                        // The fake server never answers.
                    }
                }
            }));
            var socket = seen.ClientSocket();

            var c = new Comparison(output, "Confluent.Kafka 2.16 (librdkafka), SocketReceiveBufferBytes / SocketSendBufferBytes");
            c.Equal($"rb: socket.receive.buffer.bytes=\"{receiveText}\" read as {receiveParsed}", receive.EffectiveBuffer, socket.ReceiveBuffer);
            c.Equal($"tb: socket.send.buffer.bytes={Send}", send.EffectiveBuffer, socket.SendBuffer);
            Timing.CheckScale(c, receive, socket, "librdkafka sets it before connect()");
            c.Note(seen.Command);
            c.Note(socket.Raw);
            c.Verify();
        }
    }
}
