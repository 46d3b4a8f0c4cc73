using System;
using System.Net;
using System.Net.Sockets;

namespace Corpus.EnumSizes
{
    public enum BufferProfile
    {
        Default = 0,
        Interactive = 16 * 1024,
        Bulk = 128 * 1024,
    }

    /// <summary>Enum members cast to int are compiler constants.</summary>
    public static class ProfileApplier
    {
        public static void ApplyInteractive(Socket socket)
        {
            socket.ReceiveBufferSize = {|SOCK001:(int)BufferProfile.Interactive|};
            socket.SendBufferSize = {|SOCK002:(int)BufferProfile.Interactive|};
        }

        public static void Apply(Socket socket, BufferProfile profile)
        {
            if (profile != BufferProfile.Default)
            {
                socket.ReceiveBufferSize = (int)profile;
            }
        }
    }
}
