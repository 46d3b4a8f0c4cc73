using SocketBufferAnalyzers.HostProfile;
using SocketBufferAnalyzers.Model;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// The host under test and the model's profile for it, read once. Tests run one at a time: bulk transfers
    /// on two cores would otherwise compete, and every connection to 127.0.0.1 updates the shared tcp_metrics
    /// entry (cwnd, ssthresh) that the next one starts from.
    /// </summary>
    internal static class Host
    {
        private static HostKernel? kernel;

        public static HostKernel Kernel => kernel ??= HostKernel.Read();

        /// <summary>The model's profile: the host's version with its rmem_max, wmem_max, tcp_rmem, tcp_wmem.</summary>
        public static KernelProfile Profile => Kernel.ToProfile();

        public static BufferOutcome Model(long value, BufferSide side, SetTiming timing = SetTiming.BeforeConnect, SetterApi api = SetterApi.SocketProperty, SocketKind kind = SocketKind.Tcp) =>
            WindowModel.Evaluate(Profile, new BufferRequest(value, side, kind, timing, api), LinkProfile.Default);
    }
}
