using SocketBufferAnalyzers.ConformanceTests;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.LibraryTests.Loopback
{
    /// <summary>
    /// When the library set the receive buffer, as the kernel shows it: the window scale a socket announces in its SYN
    /// follows the receive buffer of that moment, so a size set before Connect gives the model's locked scale and one
    /// set after Connect leaves the unlocked scale (window-model.md: WindowScale for BeforeConnect / AfterConnect).
    /// </summary>
    internal static class Timing
    {
        public static void CheckScale(Comparison c, BufferOutcome receiveModel, SocketEntry socket, string what)
        {
            if (!Host.Kernel.WindowScalingOn)
            {
                c.Note("net.ipv4.tcp_window_scaling = 0: the window scale does not show the timing here");
                return;
            }

            var timing = receiveModel.Request.Timing == SetTiming.BeforeConnect ? "before Connect" : "after Connect";
            c.Equal($"{what}: receive window scale (model WindowScale, {timing})", receiveModel.WindowScale, socket.ReceiveScale ?? -1);
        }
    }
}
