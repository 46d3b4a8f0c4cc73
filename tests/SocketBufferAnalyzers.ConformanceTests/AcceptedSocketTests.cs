using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// window-model.md §3.3 and vector #22: the SYN-ACK is built from the listener's buffer and lock, and the child
    /// copies both (sk_clone_lock). Linux reads the listener when each SYN arrives, so a setting made after
    /// Listen() still reaches connections that arrive later (spec: measured on 6.18).
    /// </summary>
    public sealed class AcceptedSocketTests(ITestOutputHelper output)
    {
        [LinuxTheory(RequiresWindowScaling = true)]
        [InlineData("8192", false)]
        [InlineData("8192", true)]
        [InlineData("65536", false)]
        [InlineData("65536", true)]
        [InlineData("1048576", false)]
        [InlineData("1048576", true)]
        public void AcceptedSocketInheritsTheListenersLockedReceiveBuffer(string size, bool afterListen)
        {
            var value = Sizes.Resolve(size, BufferSide.Receive);
            var model = Host.Model(value, BufferSide.Receive, SetTiming.BeforeConnect);
            var c = new Comparison(output, $"listener ReceiveBufferSize = {value} {(afterListen ? "after" : "before")} Listen(); accepted socket");

            using var pair = afterListen
                ? LoopbackPair.Open(listenerAfterListen: l => l.ReceiveBufferSize = value)
                : LoopbackPair.Open(listenerBeforeListen: l => l.ReceiveBufferSize = value);
            var accepted = TcpInfo.Read(pair.Accepted);
            var client = TcpInfo.Read(pair.Client);

            c.Equal("accepted read-back (EffectiveBuffer)", model.EffectiveBuffer, pair.Accepted.ReceiveBufferSize);
            c.Equal("accepted receive scale (WindowScale)", model.WindowScale, accepted.ReceiveScale);
            c.Equal("client's send scale (the SYN-ACK's scale)", model.WindowScale, client.SendScale);

            // The lock is inherited too: a bulk receive on the child must not grow its buffer.
            var stats = Transfer.Run(pair.Client, pair.Accepted, 1 << 20);
            c.Equal("locked (buffer constant during 1 MiB received)", model.Locked, stats.MinReceiveBuffer == model.EffectiveBuffer && stats.MaxReceiveBuffer == model.EffectiveBuffer);
            c.Note(stats.ToString());
            c.Verify();
        }

        [LinuxTheory]
        [InlineData(false)]
        [InlineData(true)]
        public void AcceptedSocketInheritsTheListenersLockedSendBuffer(bool afterListen)
        {
            const int value = 65536;
            var model = Host.Model(value, BufferSide.Send, SetTiming.BeforeConnect);
            var c = new Comparison(output, $"listener SendBufferSize = {value} {(afterListen ? "after" : "before")} Listen(); accepted socket");

            using var pair = afterListen
                ? LoopbackPair.Open(listenerAfterListen: l => l.SendBufferSize = value)
                : LoopbackPair.Open(listenerBeforeListen: l => l.SendBufferSize = value);

            c.Equal("accepted read-back (EffectiveBuffer)", model.EffectiveBuffer, pair.Accepted.SendBufferSize);
            var stats = Transfer.Run(pair.Accepted, pair.Client, 2 << 20);
            c.Equal("locked (buffer constant during 2 MiB sent)", model.Locked, stats.MinSendBuffer == model.EffectiveBuffer && stats.MaxSendBuffer == model.EffectiveBuffer);
            c.Note(stats.ToString());
            c.Verify();
        }

        [LinuxFact(RequiresWindowScaling = true)]
        public void SettingOnTheAcceptedSocketKeepsTheListenersScale()
        {
            const int value = 8192;
            var model = Host.Model(value, BufferSide.Receive, SetTiming.AfterConnect);
            var c = new Comparison(output, $"ReceiveBufferSize = {value} on the accepted socket (unlocked listener)");

            using var pair = LoopbackPair.Open();
            pair.Accepted.ReceiveBufferSize = value;

            c.Equal("accepted read-back (EffectiveBuffer)", model.EffectiveBuffer, pair.Accepted.ReceiveBufferSize);
            c.Equal("accepted receive scale (WindowScale, AfterConnect)", model.WindowScale, TcpInfo.Read(pair.Accepted).ReceiveScale);
            c.Verify();
        }
    }
}
