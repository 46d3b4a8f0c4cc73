using System;
using System.Collections.Generic;
using System.Net;
using Confluent.Kafka;
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
    /// What the knob rows claim about each served library that can be read without a connection: its default, what
    /// 0 and negative values do, how its configuration text is parsed. Run against the referenced package, so a new
    /// version that changes one of them fails here. (What reaches the socket is in the loopback tests.)
    /// </summary>
    public sealed class KnobDefaultTests
    {
        // ---- MQTTnet

        [Fact]
        public void MqttNetDefaultIs8192()
        {
            Assert.Equal(8192, new MqttClientTcpOptions().BufferSize);
            var built = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).Build();
            Assert.Equal(8192, Assert.IsType<MqttClientTcpOptions>(built.ChannelOptions).BufferSize);
        }

        [Fact]
        public void MqttNetBuilderKeepsTheBufferSizeOnlyWhenTheActionComesAfterTheEndpoint()
        {
            var kept = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", 1883).WithTcpServer(o => o.BufferSize = 65536).Build();
            var dropped = new MqttClientOptionsBuilder().WithTcpServer(o => o.BufferSize = 65536).WithTcpServer("127.0.0.1", 1883).Build();
            var droppedByEndPoint = new MqttClientOptionsBuilder().WithTcpServer(o => o.BufferSize = 65536).WithEndPoint(new IPEndPoint(IPAddress.Loopback, 1883)).Build();

            Assert.Equal(65536, ((MqttClientTcpOptions)kept.ChannelOptions).BufferSize);
            Assert.Equal(8192, ((MqttClientTcpOptions)dropped.ChannelOptions).BufferSize);
            Assert.Equal(8192, ((MqttClientTcpOptions)droppedByEndPoint.ChannelOptions).BufferSize);
            Assert.Throws<ArgumentException>(() => new MqttClientOptionsBuilder().WithTcpServer(o => o.BufferSize = 65536).Build());
        }

        // ---- MongoDB.Driver

        [Fact]
        public void MongoDefaultIs64KiBForBothBuffers()
        {
            var settings = new TcpStreamSettings();
            Assert.Equal(64 * 1024, settings.ReceiveBufferSize);
            Assert.Equal(64 * 1024, settings.SendBufferSize);
            Assert.Equal(64 * 1024, MongoDefaults.TcpReceiveBufferSize);
            Assert.Equal(64 * 1024, MongoDefaults.TcpSendBufferSize);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void MongoRejectsZeroAndNegativeSoItsBuffersCannotBeLeftUnset(int value)
        {
            Assert.Equal("receiveBufferSize", Assert.Throws<ArgumentOutOfRangeException>(() => new TcpStreamSettings(receiveBufferSize: value)).ParamName);
            Assert.Equal("sendBufferSize", Assert.Throws<ArgumentOutOfRangeException>(() => new TcpStreamSettings(sendBufferSize: value)).ParamName);
            Assert.Throws<ArgumentOutOfRangeException>(() => new TcpStreamSettings().With(receiveBufferSize: value));
        }

        // ---- Npgsql: the keyword parsing a connection-string reader must reproduce.

        [Fact]
        public void NpgsqlDefaultIsZeroMeaningNotSet()
        {
            var builder = new NpgsqlConnectionStringBuilder("Host=127.0.0.1");
            Assert.Equal(0, builder.SocketReceiveBufferSize);
            Assert.Equal(0, builder.SocketSendBufferSize);
        }

        [Theory]
        [InlineData("Socket Receive Buffer Size=65536", 65536)]
        [InlineData("socket receive buffer size=65536", 65536)]
        [InlineData("SOCKET RECEIVE BUFFER SIZE=65536", 65536)]
        [InlineData("SocketReceiveBufferSize=65536", 65536)]
        [InlineData("socketreceivebuffersize=65536", 65536)]
        [InlineData("  Socket Receive Buffer Size  =  65536  ", 65536)]
        [InlineData("Socket Receive Buffer Size=\"65536\"", 65536)]
        [InlineData("Socket Receive Buffer Size=+065536", 65536)]
        [InlineData("Socket Receive Buffer Size=65536;Socket Receive Buffer Size=8192", 8192)]
        [InlineData("Socket Receive Buffer Size=65536;SocketReceiveBufferSize=8192", 8192)]
        [InlineData("Socket Receive Buffer Size=-1", -1)]
        public void NpgsqlKeywordForms(string connectionString, int parsed) =>
            Assert.Equal(parsed, new NpgsqlConnectionStringBuilder(connectionString).SocketReceiveBufferSize);

        [Theory]
        [InlineData("Socket  Receive Buffer Size=65536")] // inner spaces are not collapsed
        [InlineData("Socket_Receive_Buffer_Size=65536")]
        [InlineData("Receive Buffer Size=65536")]
        [InlineData("Socket Receive Buffer Size=0x10000")]
        [InlineData("Socket Receive Buffer Size=64K")]
        public void NpgsqlRejects(string connectionString) =>
            Assert.Throws<ArgumentException>(() => new NpgsqlConnectionStringBuilder(connectionString));

        [Fact]
        public void NpgsqlSendKeywordForms()
        {
            Assert.Equal(4096, new NpgsqlConnectionStringBuilder("Socket Send Buffer Size=4096").SocketSendBufferSize);
            Assert.Equal(4096, new NpgsqlConnectionStringBuilder("socketsendbuffersize=4096").SocketSendBufferSize);
        }

        // ---- Confluent.Kafka / librdkafka

        [Fact]
        public void KafkaDefaultIsNotSet()
        {
            Assert.Null(new ProducerConfig().SocketReceiveBufferBytes);
            Assert.Null(new ConsumerConfig().SocketSendBufferBytes);
        }

        [Fact]
        public void KafkaPropertiesAreTheDottedKeys()
        {
            var config = new ClientConfig(new Dictionary<string, string>
            {
                ["socket.receive.buffer.bytes"] = "65536",
                ["socket.send.buffer.bytes"] = "32768",
            });
            Assert.Equal(65536, config.SocketReceiveBufferBytes);
            Assert.Equal(32768, config.SocketSendBufferBytes);

            // The .NET side keeps keys case-sensitively: another spelling is not the property.
            Assert.Null(new ClientConfig(new Dictionary<string, string> { ["Socket.Receive.Buffer.Bytes"] = "65536" }).SocketReceiveBufferBytes);
        }

        [Theory]
        [InlineData("-1")]
        [InlineData("100000001")]
        public void LibrdkafkaRejectsValuesOutsideItsRange(string value)
        {
            var e = Assert.Throws<ArgumentException>(() => BuildProducer("socket.receive.buffer.bytes", value));
            Assert.Contains("outside allowed range 0..100000000", e.Message);
        }

        [Fact]
        public void LibrdkafkaKeysAreCaseSensitive()
        {
            var e = Assert.Throws<InvalidOperationException>(() => BuildProducer("Socket.Receive.Buffer.Bytes", "65536"));
            Assert.Contains("No such configuration property", e.Message);
        }

        private static void BuildProducer(string key, string value)
        {
            using var producer = new ProducerBuilder<Null, string>(new[] { new KeyValuePair<string, string>(key, value) }).Build();
        }

        // ---- Akka.Remote classic transport

        [Fact]
        public void AkkaRemoteDotNettyDefaultIs256000BytesBothBuffers()
        {
            // The reference configuration Akka.Remote embeds (what RemoteConfigFactory.Default() loads).
            using var resource = typeof(Akka.Remote.RemoteActorRefProvider).Assembly.GetManifestResourceStream("Akka.Remote.Configuration.Remote.conf");
            Assert.NotNull(resource);
            using var reader = new System.IO.StreamReader(resource);
            var tcp = Akka.Configuration.ConfigurationFactory.ParseString(reader.ReadToEnd()).GetConfig("akka.remote.dot-netty.tcp");
            Assert.Equal(256000L, tcp.GetByteSize("receive-buffer-size", null));
            Assert.Equal(256000L, tcp.GetByteSize("send-buffer-size", null));
        }

        // ---- DotNetty: which channel accepts which option (Akka.Remote's server side relies on this).

        [Fact]
        public void DotNettyListenerTakesSoRcvbufButNotSoSndbuf()
        {
            using var listenerSocket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            var receiveBefore = listenerSocket.ReceiveBufferSize;
            var sendBefore = listenerSocket.SendBufferSize;
            var listener = new TcpServerSocketChannel(listenerSocket);
            Assert.True(listener.Configuration.SetOption(ChannelOption.SoRcvbuf, 24576));
            Assert.False(listener.Configuration.SetOption(ChannelOption.SoSndbuf, 24576)); // unknown option: logged, not applied
            Assert.NotEqual(receiveBefore, listenerSocket.ReceiveBufferSize);
            Assert.Equal(sendBefore, listenerSocket.SendBufferSize);

            using var clientSocket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            var client = new TcpSocketChannel(clientSocket);
            Assert.True(client.Configuration.SetOption(ChannelOption.SoRcvbuf, 65536));
            Assert.True(client.Configuration.SetOption(ChannelOption.SoSndbuf, 65536));
        }

        // ---- NetMQ

        [Fact]
        public void NetMqDefaultIsZeroMeaningNotSet()
        {
            using var socket = new DealerSocket();
            Assert.Equal(0, socket.Options.ReceiveBuffer);
            Assert.Equal(0, socket.Options.SendBuffer);
            socket.Options.ReceiveBuffer = 65536;
            Assert.Equal(65536, socket.Options.ReceiveBuffer);
        }
    }
}
