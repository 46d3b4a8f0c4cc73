using System;
using System.Net.Sockets;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// window-model.md §1 and §7: clamp at rmem_max/wmem_max first, then double, then raise to the kernel floor;
    /// the .NET getter returns the kernel's (doubled) value unchanged.
    /// </summary>
    public sealed class BufferReadBackTests(ITestOutputHelper output)
    {
        [LinuxTheory]
        [InlineData("receive", "0")]
        [InlineData("receive", "1")]
        [InlineData("receive", "1151")] // below the 3.11+ minimum: 2302 < 2304
        [InlineData("receive", "1152")] // exactly the minimum
        [InlineData("receive", "1153")]
        [InlineData("receive", "8192")]
        [InlineData("receive", "65536")]
        [InlineData("receive", "limit-1")]
        [InlineData("receive", "limit")]
        [InlineData("receive", "limit+1")]
        [InlineData("receive", "int.MaxValue")]
        [InlineData("send", "0")]
        [InlineData("send", "1")]
        [InlineData("send", "2303")] // below the 3.11+ minimum: 4606 < 4608
        [InlineData("send", "2304")]
        [InlineData("send", "2305")]
        [InlineData("send", "8192")]
        [InlineData("send", "65536")]
        [InlineData("send", "limit-1")]
        [InlineData("send", "limit")]
        [InlineData("send", "limit+1")]
        [InlineData("send", "int.MaxValue")]
        public void SocketPropertyReadsBackTheEffectiveBuffer(string side, string size)
        {
            var bufferSide = Sizes.Side(side);
            var value = Sizes.Resolve(size, bufferSide);
            var model = Host.Model(value, bufferSide);
            var c = new Comparison(output, $"TCP Socket.{Property(bufferSide)} = {value} ({size}), read back on an unconnected socket");

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Set(socket, bufferSide, value);
            var kernel = Get(socket, bufferSide);

            c.Equal("read-back (EffectiveBuffer)", model.EffectiveBuffer, kernel);
            c.Equal("clamped (read-back < 2 x requested)", model.Clamped, kernel < 2L * value);
            c.Equal("raised to the minimum (read-back > 2 x requested)", model.RaisedToMinimum, kernel > 2L * value);
            c.Verify();
        }

        [LinuxTheory]
        [InlineData("receive")]
        [InlineData("send")]
        public void NegativeThroughTcpClientBecomesTwiceTheLimit(string side)
        {
            var bufferSide = Sizes.Side(side);
            var model = Host.Model(-1, bufferSide, api: SetterApi.TcpClientProperty);
            var c = new Comparison(output, $"TcpClient.{Property(bufferSide)} = -1 (no managed check; the kernel reads it as u32)");

            using var client = new TcpClient(AddressFamily.InterNetwork);
            Exception? thrown = null;
            try
            {
                if (bufferSide == BufferSide.Receive)
                {
                    client.ReceiveBufferSize = -1;
                }
                else
                {
                    client.SendBufferSize = -1;
                }
            }
            catch (Exception e)
            {
                thrown = e;
            }

            var kernel = Get(client.Client, bufferSide);
            var hostLimit = bufferSide == BufferSide.Receive ? Host.Kernel.RmemMax : Host.Kernel.WmemMax;
            c.Equal("managed exception", model.ManagedThrow, thrown != null);
            c.Equal("read-back (EffectiveBuffer)", model.EffectiveBuffer, kernel);
            c.Equal("clamped (read-back = 2 x the host's limit)", model.Clamped, kernel == 2 * hostLimit);
            c.Verify();
        }

        [LinuxTheory]
        [InlineData("receive")]
        [InlineData("send")]
        public void NegativeThroughSetSocketOptionBecomesTwiceTheLimit(string side)
        {
            var bufferSide = Sizes.Side(side);
            var model = Host.Model(-5, bufferSide, api: SetterApi.SetSocketOption);
            var c = new Comparison(output, $"Socket.SetSocketOption(Socket, {(bufferSide == BufferSide.Receive ? "ReceiveBuffer" : "SendBuffer")}, -5)");

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.SetSocketOption(SocketOptionLevel.Socket, bufferSide == BufferSide.Receive ? SocketOptionName.ReceiveBuffer : SocketOptionName.SendBuffer, -5);

            c.Equal("managed exception", model.ManagedThrow, false);
            c.Equal("read-back (EffectiveBuffer = 2 x limit)", model.EffectiveBuffer, Get(socket, bufferSide));
            c.Verify();
        }

        [LinuxTheory]
        [InlineData("receive")]
        [InlineData("send")]
        public void NegativeThroughSocketPropertyThrowsAndChangesNothing(string side)
        {
            var bufferSide = Sizes.Side(side);
            var model = Host.Model(-1, bufferSide, api: SetterApi.SocketProperty);
            var c = new Comparison(output, $"Socket.{Property(bufferSide)} = -1 (ArgumentOutOfRangeException before any system call)");

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var before = Get(socket, bufferSide);
            Exception? thrown = null;
            try
            {
                Set(socket, bufferSide, -1);
            }
            catch (Exception e)
            {
                thrown = e;
            }

            c.Equal("ArgumentOutOfRangeException (ManagedThrow)", model.ManagedThrow, thrown is ArgumentOutOfRangeException);
            c.Check("exception type", "ArgumentOutOfRangeException", thrown?.GetType().Name ?? "none", thrown is ArgumentOutOfRangeException);
            c.Check("buffer unchanged (still the unlocked default)", "unchanged", Comparison.N(before) + " -> " + Comparison.N(Get(socket, bufferSide)), before == Get(socket, bufferSide));
            var profile = Host.Profile;
            c.Equal("unlocked TCP default (tcp_rmem[1] / tcp_wmem[1])", bufferSide == BufferSide.Receive ? profile.TcpRmem.Default : profile.TcpWmem.Default, before);
            c.Verify();
        }

        internal static string Property(BufferSide side) => side == BufferSide.Receive ? "ReceiveBufferSize" : "SendBufferSize";

        internal static void Set(Socket socket, BufferSide side, int value)
        {
            if (side == BufferSide.Receive)
            {
                socket.ReceiveBufferSize = value;
            }
            else
            {
                socket.SendBufferSize = value;
            }
        }

        internal static int Get(Socket socket, BufferSide side) => side == BufferSide.Receive ? socket.ReceiveBufferSize : socket.SendBufferSize;
    }
}
