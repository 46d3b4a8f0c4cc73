using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// window-model.md §3.3 "Send side": nothing is negotiated for the send buffer, so SO_SNDBUF after Connect locks
    /// and sizes it at once, exactly as before Connect (the model gives both timings the same outcome).
    /// </summary>
    public sealed class SendAfterConnectTests(ITestOutputHelper output)
    {
        [LinuxTheory]
        [InlineData(false)]
        [InlineData(true)]
        public void SendBufferSetAfterConnectBehavesAsBefore(bool afterConnect)
        {
            const int value = 65536;
            var timing = afterConnect ? SetTiming.AfterConnect : SetTiming.BeforeConnect;
            var model = Host.Model(value, BufferSide.Send, timing);
            var other = Host.Model(value, BufferSide.Send, afterConnect ? SetTiming.BeforeConnect : SetTiming.AfterConnect);
            var c = new Comparison(output, $"SendBufferSize = {value} {(afterConnect ? "after" : "before")} Connect, then 2 MiB sent over 127.0.0.1");

            using var pair = afterConnect
                ? LoopbackPair.Open()
                : LoopbackPair.Open(clientBeforeConnect: s => s.SendBufferSize = value);
            if (afterConnect)
            {
                pair.Client.SendBufferSize = value;
            }

            c.Equal("model: same outcome before and after Connect", other.EffectiveBuffer, model.EffectiveBuffer);
            c.Equal("read-back (EffectiveBuffer)", model.EffectiveBuffer, pair.Client.SendBufferSize);
            var stats = Transfer.Run(pair.Client, pair.Accepted, 2 << 20);
            c.Equal("lowest SO_SNDBUF while sending", model.EffectiveBuffer, stats.MinSendBuffer);
            c.Equal("highest SO_SNDBUF while sending (Locked: no growth)", model.EffectiveBuffer, stats.MaxSendBuffer);
            c.Equal("read-back after the transfer", model.EffectiveBuffer, pair.Client.SendBufferSize);
            c.Note(stats.ToString());
            c.Verify();
        }
    }
}
