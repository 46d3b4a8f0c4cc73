using System;
using System.Globalization;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// Requested sizes written relative to the host's limits, so the same test data fits every host:
    /// "limit" is the host's rmem_max (receive) or wmem_max (send) as read from /proc, not the model's idea of it.
    /// </summary>
    internal static class Sizes
    {
        public static BufferSide Side(string side) => side switch
        {
            "receive" => BufferSide.Receive,
            "send" => BufferSide.Send,
            _ => throw new ArgumentOutOfRangeException(nameof(side), side, "receive or send"),
        };

        public static int Resolve(string size, BufferSide side)
        {
            var limit = side == BufferSide.Receive ? Host.Kernel.RmemMax : Host.Kernel.WmemMax;
            long value = size switch
            {
                "limit" => limit,
                "limit-1" => limit - 1,
                "limit+1" => limit + 1,
                "int.MaxValue" => int.MaxValue,
                _ => long.Parse(size, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            };
            return (int)Math.Min(value, int.MaxValue);
        }
    }
}
