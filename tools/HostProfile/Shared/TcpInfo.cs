using System;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace SocketBufferAnalyzers.HostProfile
{
    /// <summary>
    /// The few fields of Linux <c>struct tcp_info</c> (getsockopt IPPROTO_TCP/TCP_INFO) the conformance checks
    /// need, read with <see cref="Socket.GetRawSocketOption"/>. Offsets are those of include/uapi/linux/tcp.h,
    /// little-endian (x86-64, arm64).
    /// </summary>
    /// <remarks>
    /// Byte 6 holds the bitfield <c>__u8 tcpi_snd_wscale : 4, tcpi_rcv_wscale : 4</c>. GCC allocates bitfields
    /// from the least significant bit on little-endian targets, so the <b>low nibble is the send scale</b> (the
    /// peer's shift) and the <b>high nibble is the receive scale</b> (our own shift, the one SO_RCVBUF decides).
    /// Verified on Linux 6.18 loopback: a client with an 8 KiB SO_RCVBUF (receive scale 0) talking to an
    /// unlocked peer (scale 10) reads 0x0A; the accepted socket reads 0xA0
    /// (ConformanceTests: TcpInfoLayoutTests).
    /// </remarks>
    internal readonly struct TcpInfo
    {
        public const int IpProtoTcp = 6;
        public const int TcpMaxSeg = 2;
        public const int TcpWindowClamp = 10;
        public const int TcpInfoOption = 11;

        /// <summary>tcpi_options bit: window scaling was negotiated.</summary>
        public const int OptionWindowScale = 4;

        private const int SndWndOffset = 228;
        private const int RcvWndOffset = 232;

        private TcpInfo(byte[] raw, int length)
        {
            Raw = raw;
            Length = length;
        }

        /// <summary>The bytes the kernel filled in (its struct size; older kernels return fewer).</summary>
        public int Length { get; }

        private byte[] Raw { get; }

        public int State => Raw[0];

        public int Options => Raw[5];

        public bool WindowScaleNegotiated => (Options & OptionWindowScale) != 0;

        /// <summary>Byte 6, both nibbles, for diagnostics.</summary>
        public int ScaleByte => Raw[6];

        /// <summary>tcpi_snd_wscale: low nibble of byte 6 — the scale the peer applies to the windows it advertises.</summary>
        public int SendScale => Raw[6] & 0x0F;

        /// <summary>tcpi_rcv_wscale: high nibble of byte 6 — the scale this socket applies to the windows it advertises.</summary>
        public int ReceiveScale => Raw[6] >> 4;

        /// <summary>tcpi_snd_mss (offset 16): the segment size this end sends.</summary>
        public uint SendMss => U32(16);

        /// <summary>tcpi_rcv_mss (offset 20): the receiver's estimate of the peer's segment size.</summary>
        public uint ReceiveMss => U32(20);

        /// <summary>tcpi_advmss (offset 84).</summary>
        public uint AdvertisedMss => U32(84);

        /// <summary>tcpi_rcv_ssthresh (offset 64): the window the receiver is currently willing to grow to.</summary>
        public uint ReceiveSsthresh => U32(64);

        /// <summary>
        /// tcpi_snd_wnd (offset 228, Linux 5.4+): the window the peer last advertised, as this end received it (so
        /// after the 65535 &lt;&lt; wscale cap of the header field); null when the kernel's struct is shorter.
        /// </summary>
        public uint? SendWindow => Length >= SndWndOffset + 4 ? U32(SndWndOffset) : null;

        /// <summary>
        /// tcpi_rcv_wnd (offset 232, Linux 6.2+): the kernel's <c>tp->rcv_wnd</c>, the window it selected when it last
        /// advertised; null when the kernel's struct is shorter. <c>tcp_select_window()</c> stores it <i>before</i>
        /// capping the header field at 65535 &lt;&lt; wscale, so it can exceed what went on the wire (measured on 6.18:
        /// 215 418 for a locked 262 142-byte buffer with scale 1, whose peer saw 131 070). The peer's
        /// <see cref="SendWindow"/> is what was really advertised.
        /// </summary>
        public uint? ReceiveWindow => Length >= RcvWndOffset + 4 ? U32(RcvWndOffset) : null;

        /// <summary>Whether this kernel's TCP_INFO reaches tcpi_rcv_wnd (at least 236 bytes).</summary>
        public bool HasReceiveWindow => Length >= RcvWndOffset + 4;

        public static TcpInfo Read(Socket socket)
        {
            var buffer = new byte[512];
            var length = socket.GetRawSocketOption(IpProtoTcp, TcpInfoOption, buffer);
            if (length < 8)
            {
                throw new InvalidOperationException("TCP_INFO returned " + length + " bytes; expected at least 8");
            }

            return new TcpInfo(buffer, length);
        }

        /// <summary>TCP_WINDOW_CLAMP: the kernel's <c>tp->window_clamp</c>, the bound on the advertised window.</summary>
        public static int WindowClamp(Socket socket)
        {
            var buffer = new byte[4];
            socket.GetRawSocketOption(IpProtoTcp, TcpWindowClamp, buffer);
            return BinaryPrimitives.ReadInt32LittleEndian(buffer);
        }

        /// <summary>TCP_MAXSEG before connect: caps the MSS both ends use, so loopback carries Ethernet-sized segments.</summary>
        public static void SetMaxSegment(Socket socket, int mss)
        {
            var buffer = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(buffer, mss);
            socket.SetRawSocketOption(IpProtoTcp, TcpMaxSeg, buffer);
        }

        private uint U32(int offset) => Length >= offset + 4 ? BinaryPrimitives.ReadUInt32LittleEndian(Raw.AsSpan(offset)) : 0;
    }
}
