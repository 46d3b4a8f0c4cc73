using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.Model;
using Xunit.Abstractions;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// Pins down which nibble of TCP_INFO byte 6 is the receive scale before any other test relies on it
    /// (<c>__u8 tcpi_snd_wscale : 4, tcpi_rcv_wscale : 4;</c> — bitfield order is the compiler's choice).
    /// </summary>
    public sealed class TcpInfoLayoutTests(ITestOutputHelper output)
    {
        [LinuxFact(RequiresWindowScaling = true)]
        public void ReceiveScaleIsTheHighNibbleOfByte6()
        {
            // A client locked at 8 KiB (receive scale 0 in every era) talks to an unlocked peer (scale 7 or 10
            // with stock sysctls), so the two nibbles differ and each end sees the other's scale mirrored.
            var c = new Comparison(output, "TCP_INFO byte 6: low nibble tcpi_snd_wscale, high nibble tcpi_rcv_wscale");
            var small = Host.Model(8192, BufferSide.Receive);
            var unlocked = WindowModel.UnlockedWindowScale(Host.Profile);
            using var pair = LoopbackPair.Open(clientBeforeConnect: s => s.ReceiveBufferSize = 8192);
            var client = TcpInfo.Read(pair.Client);
            var accepted = TcpInfo.Read(pair.Accepted);

            c.Check("scales differ, so the order is observable", "model " + small.WindowScale + " vs " + unlocked, "different", small.WindowScale != unlocked);
            c.Check("client: window scaling negotiated (tcpi_options & 4)", "yes", client.WindowScaleNegotiated ? "yes" : "no", client.WindowScaleNegotiated);
            c.Check("client byte 6 = rcv << 4 | snd", Hex((small.WindowScale << 4) | unlocked), Hex(client.ScaleByte), client.ScaleByte == ((small.WindowScale << 4) | unlocked));
            c.Check("accepted byte 6 = rcv << 4 | snd", Hex((unlocked << 4) | small.WindowScale), Hex(accepted.ScaleByte), accepted.ScaleByte == ((unlocked << 4) | small.WindowScale));
            c.Check("client rcv (high) = accepted snd (low)", "equal", client.ReceiveScale + " / " + accepted.SendScale, client.ReceiveScale == accepted.SendScale);
            c.Check("client snd (low) = accepted rcv (high)", "equal", client.SendScale + " / " + accepted.ReceiveScale, client.SendScale == accepted.ReceiveScale);
            c.Note("TCP_INFO length " + client.Length + " bytes (tcpi_rcv_wnd at 232..235 needs at least 236)");
            c.Verify();
        }

        private static string Hex(int value) => "0x" + value.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
