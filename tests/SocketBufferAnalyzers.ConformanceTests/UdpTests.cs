using System.Net.Sockets;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// window-model.md §1.4 and §8: UDP gets the same doubling and the same silent clamp at rmem_max/wmem_max
    /// (vector #12: quic-go's 7 MiB); a read-back below twice the request is how a program can tell it was clamped.
    /// </summary>
    public sealed class UdpTests(ITestOutputHelper output)
    {
        [LinuxTheory]
        [InlineData("receive", "65536")]
        [InlineData("receive", "limit-1")]
        [InlineData("receive", "limit")]
        [InlineData("receive", "limit+1")]
        [InlineData("receive", "7340032")] // quic-go's DesiredReceiveBufferSize
        [InlineData("receive", "int.MaxValue")] // msquic's INT32_MAX
        [InlineData("send", "65536")]
        [InlineData("send", "limit-1")]
        [InlineData("send", "limit+1")]
        [InlineData("send", "7340032")]
        public void UdpBufferIsClampedAtTheLimit(string side, string size)
        {
            var bufferSide = Sizes.Side(side);
            var value = Sizes.Resolve(size, bufferSide);
            var model = Host.Model(value, bufferSide, kind: SocketKind.Udp);
            var c = new Comparison(output, $"UDP Socket.{BufferReadBackTests.Property(bufferSide)} = {value} ({size})");

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
            BufferReadBackTests.Set(socket, bufferSide, value);
            var kernel = BufferReadBackTests.Get(socket, bufferSide);

            c.Equal("read-back (EffectiveBuffer)", model.EffectiveBuffer, kernel);
            c.Equal("clamped (read-back < 2 x requested)", model.Clamped, kernel < 2L * value);
            c.Equal("not locked: UDP has no autotuning", false, model.Locked);
            c.Verify();
        }
    }
}
