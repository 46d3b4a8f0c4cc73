using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Tests.Catalog
{
    /// <summary>
    /// Npgsql keywords and librdkafka values are read the way the libraries read them (measured against the packages in
    /// LibraryTests' KnobDefaultTests; docs/library-knobs.md): a value the library would refuse is no setting at all.
    /// </summary>
    public class ConnectionStringTests
    {
        private const string Receive = "Socket Receive Buffer Size";

        [Theory]
        [InlineData("Host=db;Socket Receive Buffer Size=65536", 65536)]
        [InlineData("host=db; socket receive buffer size = 65536 ;", 65536)] // case-insensitive, trimmed
        [InlineData("Host=db;SOCKETRECEIVEBUFFERSIZE=4096", 4096)] // the property name is an alias
        [InlineData("Host=db;Socket Receive Buffer Size=1;SocketReceiveBufferSize=2;Socket Receive Buffer Size=3", 3)] // the last wins, across spellings
        [InlineData("Host=db;Socket Receive Buffer Size='65536'", 65536)]
        [InlineData("Host=db;Socket Receive Buffer Size=\"+065536\"", 65536)]
        [InlineData("Password='a;b=c''d';Socket Receive Buffer Size=8192", 8192)] // a quoted value may hold ';', '=' and a doubled quote
        [InlineData("Host=db;Socket Receive Buffer Size=-1", -1)] // parses; Npgsql then ignores it (<= 0)
        public void NpgsqlKeywordValues(string connectionString, long expected)
        {
            Assert.True(ConnectionStrings.TryGetNpgsqlSize(connectionString, Receive, out var value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("Host=db")]
        [InlineData("Host=db;Socket  Receive Buffer Size=65536")] // inner spaces must match
        [InlineData("Host=db;Receive Buffer Size=65536")] // another keyword
        [InlineData("Host=db;Socket_Receive_Buffer_Size=65536")]
        [InlineData("Host=db;Socket Receive Buffer Size=0x10000")] // Npgsql throws: nothing reaches a socket
        [InlineData("Host=db;Socket Receive Buffer Size=64K")]
        [InlineData("Host=db;Socket Receive Buffer Size=99999999999")]
        [InlineData("Host=db;Socket Receive Buffer Size='65536")] // unterminated quote: the string is refused
        [InlineData("Host;Socket Receive Buffer Size=65536")] // a key without '=' is refused
        public void NpgsqlAbsentOrRefused(string connectionString)
        {
            Assert.False(ConnectionStrings.TryGetNpgsqlSize(connectionString, Receive, out _));
        }

        [Theory]
        [InlineData("65536", 65536)]
        [InlineData("  65536", 65536)]
        [InlineData("0x6000", 0x6000)]
        [InlineData("0X6000", 0x6000)]
        [InlineData("010", 8)] // octal
        [InlineData("24k", 24)] // trailing text ends the number
        [InlineData("0x", 0)] // strtol reads the 0 and stops at x
        [InlineData("+7", 7)]
        [InlineData("-1", -1)]
        [InlineData("08", 0)] // 8 is no octal digit
        public void CIntegerParsesLikeStrtolBase0(string text, long expected)
        {
            Assert.True(ConnectionStrings.TryParseCInteger(text, out var value));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("")]
        [InlineData("k24")]
        [InlineData(" -")]
        public void CIntegerWithoutDigitsIsNoNumber(string text)
        {
            Assert.False(ConnectionStrings.TryParseCInteger(text, out _));
        }

        [Theory]
        [InlineData("0", true)]
        [InlineData("100000000", true)]
        [InlineData("100000001", false)] // Build() throws "outside allowed range"
        [InlineData("-1", false)]
        [InlineData("99999999999999999999999", false)] // strtol saturates at LONG_MAX
        public void KafkaRange(string text, bool accepted)
        {
            Assert.Equal(accepted, ConnectionStrings.TryParseKafkaSize(text, out _));
        }
    }
}
