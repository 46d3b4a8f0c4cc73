using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.HostProfile
{
    /// <summary>
    /// What `dotnet run --project tools/HostProfile` and `socket-buffers host` print: the window-model profile of
    /// this host, model-versus-kernel figures measured on 127.0.0.1 TCP sockets, and the .editorconfig lines that
    /// make the analyzer describe this host.
    /// Exit code: 0 when every figure agrees, 1 when a figure differs, 2 when the host cannot be read.
    /// </summary>
    internal static class HostReport
    {
        public static int Run(TextWriter output, TextWriter error)
        {
            if (!HostKernel.TryRead(out var host, out var readError))
            {
                error.WriteLine("HostProfile: " + readError + ".");
                if (OperatingSystem.IsMacOS() || OperatingSystem.IsWindows())
                {
                    output.WriteLine("# Only the target OS can be described on this host:");
                    output.WriteLine("socket_buffer.target_os = " + (OperatingSystem.IsMacOS() ? "macos" : "windows"));
                }

                return 2;
            }

            var kernel = host!;
            var profile = kernel.ToProfile();
            var stock = KernelProfile.Linux(kernel.Version);
            var link = LinkProfile.Default;
            var differences = 0;

            string N(long value) => value.ToString(CultureInfo.InvariantCulture);
            string Note(long value, long limit, string name) => value == limit ? "  (" + name + ")" : value == limit + 1 ? "  (" + name + " + 1)" : string.Empty;
            string Stock(string actual, string expected) => actual == expected ? "(stock for " + kernel.Version + ")" : "(stock for " + kernel.Version + ": " + expected + ")";

            output.WriteLine("Kernel profile detected on this host");
            output.WriteLine($"  {"kernel.osrelease",-28} {kernel.OsRelease} -> model version {kernel.Version}, era {profile.Era}");
            output.WriteLine($"  {"net.core.rmem_max",-28} {N(kernel.RmemMax),-24} {Stock(N(kernel.RmemMax), N(stock.RmemMax))}");
            output.WriteLine($"  {"net.core.wmem_max",-28} {N(kernel.WmemMax),-24} {Stock(N(kernel.WmemMax), N(stock.WmemMax))}");
            output.WriteLine($"  {"net.ipv4.tcp_rmem",-28} {kernel.TcpRmem,-24} {Stock(kernel.TcpRmem.ToString(), stock.TcpRmem.ToString())}");
            output.WriteLine($"  {"net.ipv4.tcp_wmem",-28} {kernel.TcpWmem,-24} {Stock(kernel.TcpWmem.ToString(), stock.TcpWmem.ToString())}");
            output.WriteLine("  not model inputs:");
            foreach (var pair in kernel.Extra)
            {
                output.WriteLine($"  {pair.Key,-28} {pair.Value}");
            }

            output.WriteLine($"  model: SOCK_MIN_RCVBUF {profile.SockMinRcv}, SOCK_MIN_SNDBUF {profile.SockMinSnd}, initial ratio {profile.RatioInit}/256, learned ratio {profile.RatioLearned}/256 (assumed)");
            output.WriteLine();

            // Receive side: set before Connect on a loopback client, then read back and look at the scale it negotiated.
            output.WriteLine("SO_RCVBUF set before Connect (Socket.ReceiveBufferSize, TCP over 127.0.0.1)");
            output.WriteLine($"  {"requested",12}  {"model buffer",12}  {"kernel buffer",13}  {"model scale",11}  {"kernel scale",12}");
            var receiveSizes = new long[] { 0, 1024, 8192, 65536, 262144, 1048576, kernel.RmemMax, kernel.RmemMax + 1 }
                .Where(v => v <= int.MaxValue).Distinct().OrderBy(v => v);
            foreach (var value in receiveSizes)
            {
                var outcome = WindowModel.Evaluate(profile, new BufferRequest(value, BufferSide.Receive), link);
                using var pair = LoopbackPair.Open(clientBeforeConnect: s => s.ReceiveBufferSize = (int)value);
                var kernelBuffer = pair.Client.ReceiveBufferSize;
                var kernelScale = TcpInfo.Read(pair.Client).ReceiveScale;
                var same = kernelBuffer == outcome.EffectiveBuffer && kernelScale == outcome.WindowScale;
                differences += same ? 0 : 1;
                output.WriteLine($"  {N(value),12}  {N(outcome.EffectiveBuffer),12}  {kernelBuffer,13}  {outcome.WindowScale,11}  {kernelScale,12}{Note(value, kernel.RmemMax, "rmem_max")}{(same ? string.Empty : "  <- differs")}");
            }

            using (var unlocked = LoopbackPair.Open())
            {
                // Nothing set: the buffer starts at tcp_rmem[1] and the scale comes from max(tcp_rmem[2], rmem_max).
                var modelScale = WindowModel.UnlockedWindowScale(profile);
                var kernelBuffer = unlocked.Client.ReceiveBufferSize;
                var kernelScale = TcpInfo.Read(unlocked.Client).ReceiveScale;
                var same = kernelBuffer == profile.TcpRmem.Default && kernelScale == modelScale;
                differences += same ? 0 : 1;
                output.WriteLine($"  {"not set",12}  {N(profile.TcpRmem.Default),12}  {kernelBuffer,13}  {modelScale,11}  {kernelScale,12}  (unlocked){(same ? string.Empty : "  <- differs")}");
            }

            output.WriteLine();
            output.WriteLine("SO_SNDBUF (Socket.SendBufferSize, TCP)");
            output.WriteLine($"  {"requested",12}  {"model buffer",12}  {"kernel buffer",13}");
            var sendSizes = new long[] { 0, 1024, 8192, 65536, 262144, 1048576, kernel.WmemMax, kernel.WmemMax + 1 }
                .Where(v => v <= int.MaxValue).Distinct().OrderBy(v => v);
            foreach (var value in sendSizes)
            {
                var outcome = WindowModel.Evaluate(profile, new BufferRequest(value, BufferSide.Send), link);
                using var socket = LoopbackPair.NewTcpSocket();
                socket.SendBufferSize = (int)value;
                var kernelBuffer = socket.SendBufferSize;
                var same = kernelBuffer == outcome.EffectiveBuffer;
                differences += same ? 0 : 1;
                output.WriteLine($"  {N(value),12}  {N(outcome.EffectiveBuffer),12}  {kernelBuffer,13}{Note(value, kernel.WmemMax, "wmem_max")}{(same ? string.Empty : "  <- differs")}");
            }

            output.WriteLine();
            output.WriteLine(differences == 0
                ? "Model and kernel agree on every figure above."
                : differences + " figure(s) differ: the window model does not describe this host exactly; see the rows marked above.");
            output.WriteLine();
            output.WriteLine("# .editorconfig (or .globalconfig with is_global = true) lines describing this host:");
            output.WriteLine("[*.cs]");
            foreach (var line in kernel.EditorConfigLines())
            {
                output.WriteLine(line);
            }

            return differences == 0 ? 0 : 1;
        }
    }
}
