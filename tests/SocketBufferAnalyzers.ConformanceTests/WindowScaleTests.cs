using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// window-model.md §3: a receive buffer locked before Connect picks the scale from its own initial-ratio window
    /// (ilog2(ratio x buffer) - 15); one set after Connect cannot change the scale negotiated unlocked, from
    /// max(tcp_rmem[2], rmem_max). The kernel's choice is read from TCP_INFO (receive scale = high nibble of byte 6)
    /// on the client, and cross-checked on the accepted socket, which sees it as its send scale.
    /// </summary>
    public sealed class WindowScaleTests(ITestOutputHelper output)
    {
        [LinuxTheory(RequiresWindowScaling = true)]
        [InlineData("0")]
        [InlineData("8192")]
        [InlineData("65535")] // window 65535: ilog2 15 -> scale 0
        [InlineData("65536")] // window 65536: ilog2 16 -> scale 1
        [InlineData("131071")]
        [InlineData("131072")]
        [InlineData("1048576")]
        [InlineData("limit")]
        [InlineData("limit+1")] // clamped: the scale follows the clamped buffer
        public void SetBeforeConnectPicksTheModelsScale(string size)
        {
            var value = Sizes.Resolve(size, BufferSide.Receive);
            var model = Host.Model(value, BufferSide.Receive, SetTiming.BeforeConnect);
            var c = new Comparison(output, $"ReceiveBufferSize = {value} ({size}) before Connect on 127.0.0.1");

            using var pair = LoopbackPair.Open(clientBeforeConnect: s => s.ReceiveBufferSize = value);
            var client = TcpInfo.Read(pair.Client);
            var accepted = TcpInfo.Read(pair.Accepted);

            c.Equal("read-back (EffectiveBuffer)", model.EffectiveBuffer, pair.Client.ReceiveBufferSize);
            c.Equal("receive scale (client tcpi_rcv_wscale)", model.WindowScale, client.ReceiveScale);
            c.Equal("same scale seen by the peer (accepted tcpi_snd_wscale)", model.WindowScale, accepted.SendScale);
            c.Verify();
        }

        [LinuxTheory(RequiresWindowScaling = true)]
        [InlineData("8192")]
        [InlineData("65536")]
        [InlineData("1048576")]
        [InlineData("limit+1")]
        public void SetAfterConnectKeepsTheUnlockedScale(string size)
        {
            var value = Sizes.Resolve(size, BufferSide.Receive);
            var model = Host.Model(value, BufferSide.Receive, SetTiming.AfterConnect);
            var c = new Comparison(output, $"ReceiveBufferSize = {value} ({size}) after Connect on 127.0.0.1");

            using var pair = LoopbackPair.Open();
            var scaleAtConnect = TcpInfo.Read(pair.Client).ReceiveScale;
            pair.Client.ReceiveBufferSize = value;
            var client = TcpInfo.Read(pair.Client);

            c.Equal("unlocked scale (WindowModel.UnlockedWindowScale)", WindowModel.UnlockedWindowScale(Host.Profile), scaleAtConnect);
            c.Equal("read-back after Connect (EffectiveBuffer)", model.EffectiveBuffer, pair.Client.ReceiveBufferSize);
            c.Equal("receive scale after the setting (WindowScale, AfterConnect)", model.WindowScale, client.ReceiveScale);
            c.Verify();
        }

        [LinuxFact(RequiresWindowScaling = true)]
        public void NothingSetStartsAtTcpRmemDefaultWithTheUnlockedScale()
        {
            var profile = Host.Profile;
            var c = new Comparison(output, "No ReceiveBufferSize: unlocked client on 127.0.0.1");
            using var pair = LoopbackPair.Open();

            c.Equal("buffer right after Connect (tcp_rmem[1])", profile.TcpRmem.Default, pair.Client.ReceiveBufferSize);
            c.Equal("receive scale (UnlockedWindowScale)", WindowModel.UnlockedWindowScale(profile), TcpInfo.Read(pair.Client).ReceiveScale);
            c.Equal("accepted socket's receive scale", WindowModel.UnlockedWindowScale(profile), TcpInfo.Read(pair.Accepted).ReceiveScale);
            c.Verify();
        }
    }
}
