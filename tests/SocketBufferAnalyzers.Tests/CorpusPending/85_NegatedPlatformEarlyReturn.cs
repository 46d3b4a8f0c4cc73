// pattern: platform branches (rule 5, negation with an early return): after `if (!IsWindows()) return;` the rest of the method is Windows; after `if (!IsLinux()) return;` it is Linux; learned from the description
using System;
using System.Net.Sockets;

namespace CorpusPending.NegatedPlatformEarlyReturn
{
    public static class SendTuning
    {
        public static void WindowsOnly(Socket socket)
        {
            if (!OperatingSystem.IsWindows())
            {
                return;
            }

            socket.SendBufferSize = 0;
        }

        public static void LinuxOnly(Socket socket)
        {
            if (!OperatingSystem.IsLinux())
                return;

            socket.SendBufferSize = {|SOCK005:0|};
        }
    }
}
