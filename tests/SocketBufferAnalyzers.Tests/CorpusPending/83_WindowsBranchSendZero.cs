// pattern: platform branches (rule 5, OperatingSystem.IsWindows() and else): SendBufferSize = 0 is the Windows no-copy idiom inside the branch; the else branch keeps the Linux profile; learned from the description (none of the eight repositories wraps a setting in an OS check)
using System;
using System.Net;
using System.Net.Sockets;

namespace CorpusPending.WindowsBranchSendZero
{
    public static class LowLatencySender
    {
        public static Socket Open(EndPoint server)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            if (OperatingSystem.IsWindows())
            {
                socket.SendBufferSize = 0;
            }
            else
            {
                socket.SendBufferSize = {|SOCK005:0|};
            }

            socket.Connect(server);
            return socket;
        }
    }
}
