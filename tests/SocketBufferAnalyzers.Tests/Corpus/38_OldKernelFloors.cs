// editorconfig: socket_buffer.linux_kernel = 3.10
using System;
using System.Net.Sockets;

namespace Corpus.OldKernel
{
    /// <summary>
    /// An embedded device on Linux 3.10: before 3.11 the floors are 256 / 2048 bytes, so 1 KiB of receive buffer is
    /// kept (and locked) while 512 bytes of send buffer is raised to the floor.
    /// </summary>
    public static class DeviceLink
    {
        public static void Configure(Socket socket)
        {
            socket.ReceiveBufferSize = {|SOCK001:1024|};
            socket.SendBufferSize = {|SOCK005:512|};
        }

        public static void ConfigureLarger(Socket socket)
        {
            socket.SendBufferSize = {|SOCK002:2048|};
            socket.ReceiveBufferSize = {|SOCK005:100|};
        }
    }
}
