// DECLARATION STUB, not the library. Hazelcast.Net is not served here.
// Reproduces the public names and signatures of hazelcast/hazelcast-csharp-client at tag v5.6.0
// (commit fec3fa33b640ecd23d0c2ee922aecdec58394804):
//   src/Hazelcast.Net/HazelcastOptions.cs:27                  public sealed partial class HazelcastOptions : HazelcastOptionsBase
//   src/Hazelcast.Net/HazelcastOptions.ClusterOptions.cs:144  public NetworkingOptions Networking { get; } = new();
//   src/Hazelcast.Net/Networking/NetworkingOptions.cs:25/175  public class NetworkingOptions; public SocketOptions Socket { get; } = new();
//   src/Hazelcast.Net/Networking/SocketOptions.cs:19/45       public class SocketOptions; public int BufferSizeKiB { get; set; } = 128;
//   src/Hazelcast.Net/HazelcastOptionsBuilder.cs:23           public sealed class HazelcastOptionsBuilder : HazelcastOptionsBuilderBase<HazelcastOptions, HazelcastOptionsBuilder>
//   src/Hazelcast.Net/HazelcastOptionsBuilderBase.cs:30/116/240/314  With(string key, string value); With(Action<TOptions> configure); TOptions Build()
// Where the value is applied: src/Hazelcast.Net/Networking/ClientSocketConnection.cs:78, both buffers = BufferSizeKiB * 1024,
// unconditionally, before ConnectAsync (line 86).
using System;

namespace Hazelcast
{
    public abstract class HazelcastOptionsBase
    {
    }

    public sealed partial class HazelcastOptions : HazelcastOptionsBase
    {
        public Networking.NetworkingOptions Networking { get; } = new();
    }

    public abstract class HazelcastOptionsBuilderBase<TOptions, TBuilder>
        where TOptions : HazelcastOptionsBase, new()
    {
        private Action<TOptions>? configure;

        protected abstract TBuilder ThisBuilder { get; }

        /// <summary>A configuration key such as "hazelcast:networking:socket:bufferSizeKiB" (not interpreted by this stub).</summary>
        public TBuilder With(string key, string value) => ThisBuilder;

        public TBuilder With(Action<TOptions> configure)
        {
            this.configure += configure;
            return ThisBuilder;
        }

        public TOptions Build()
        {
            var options = new TOptions();
            configure?.Invoke(options);
            return options;
        }
    }

    public sealed class HazelcastOptionsBuilder : HazelcastOptionsBuilderBase<HazelcastOptions, HazelcastOptionsBuilder>
    {
        protected override HazelcastOptionsBuilder ThisBuilder => this;
    }
}

namespace Hazelcast.Networking
{
    public class NetworkingOptions
    {
        public SocketOptions Socket { get; } = new();
    }

    public class SocketOptions
    {
        /// <summary>Kibibytes; both SO_RCVBUF and SO_SNDBUF get BufferSizeKiB * 1024.</summary>
        public int BufferSizeKiB { get; set; } = 128;
    }
}
