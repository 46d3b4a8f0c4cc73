// pattern: library knobs (NetMQ SocketOptions.SendBuffer/ReceiveBuffer) judged by the transport the same socket binds or connects to: pgm:// is a PGM (SocketType.Rdm) socket, epgm:// PGM over UDP, inproc:// no kernel socket at all, so the TCP rules (SOCK001/002 "stops autotuning") do not apply there; tcp:// keeps them; learned from NetMQ (PgmTests.SetPgmSettings: pub.Options.SendBuffer = 10 KiB before Connect("pgm://…"))
// The NetMQ types below are minimal stand-ins with the library's names (as when NetMQ's own source is compiled).
using System;

namespace NetMQ
{
    public sealed class SocketOptions
    {
        public int SendBuffer { get; set; }

        public int ReceiveBuffer { get; set; }

        public int MulticastRate { get; set; }
    }

    public abstract class NetMQSocket : IDisposable
    {
        public SocketOptions Options { get; } = new SocketOptions();

        public void Connect(string address) { }

        public void Bind(string address) { }

        public void Dispose() { }
    }

    public sealed class PublisherSocket : NetMQSocket { }

    public sealed class SubscriberSocket : NetMQSocket
    {
        public void Subscribe(string topic) { }
    }
}

namespace CorpusPending.NetMqKnobTransportFromEndpoint
{
    using NetMQ;

    public static class Feeds
    {
        public static void Multicast()
        {
            using var pub = new PublisherSocket();
            using var sub = new SubscriberSocket();
            pub.Options.MulticastRate = 40 * 1024;
            pub.Options.SendBuffer = 10 * 1024;
            pub.Connect("pgm://224.0.0.1:5555");

            sub.Options.ReceiveBuffer = 10 * 1024;
            sub.Bind("pgm://224.0.0.1:5555");
            sub.Subscribe("");
        }

        public static void EncapsulatedMulticast()
        {
            using var sub = new SubscriberSocket();
            sub.Options.ReceiveBuffer = {|SOCK003:8 * 1024 * 1024|};
            sub.Connect("epgm://eth0;239.192.1.1:5556");
        }

        public static void InProcess()
        {
            using var pub = new PublisherSocket();
            pub.Options.SendBuffer = 16 * 1024;
            pub.Bind("inproc://events");
        }

        public static void OverTcp()
        {
            using var sub = new SubscriberSocket();
            sub.Options.ReceiveBuffer = {|SOCK001:10 * 1024|};
            sub.Connect("tcp://127.0.0.1:5557");
        }
    }
}
