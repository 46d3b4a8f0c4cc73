using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>Everything the rules decide on for one setting: found once, shared by every rule.</summary>
    internal sealed class RuleInput
    {
        public RuleInput(BufferSetting setting, SocketOrigin origin, string? connectCall, AnalyzerSettings settings, ModelCache cache)
        {
            Setting = setting;
            Origin = origin;
            ConnectCall = connectCall;
            Settings = settings;
            Cache = cache;
            Value = ResolveValue(setting, settings.Profile);
        }

        public BufferSetting Setting { get; }

        public SocketOrigin Origin { get; }

        /// <summary>The connect method ("Connect", "ConnectAsync", "BeginConnect") that can run before the setting on the same socket, or null.</summary>
        public string? ConnectCall { get; }

        public AnalyzerSettings Settings { get; }

        public KernelProfile Profile => Settings.Profile;

        public ModelCache Cache { get; }

        /// <summary>The size as written, when it is a constant.</summary>
        public long? Value { get; }

        public SocketKind Kind => Origin.Kind;

        /// <summary>TCP rules report on TCP and on unknown sockets, never on a proven UDP or other socket.</summary>
        public bool MaybeTcp => Kind == SocketKind.Tcp || Kind == SocketKind.Unknown;

        /// <summary>The connection exists when the setting runs: after a connect call, on an accepted socket, or after the connecting constructor.</summary>
        public bool ConnectionExists => ConnectCall != null || Origin.Origin == OriginKind.Accepted || Origin.Origin == OriginKind.ConnectingConstructor;

        /// <summary>The model's outcome for the constant value (callers check <see cref="Value"/> first).</summary>
        public BufferOutcome Evaluate(SetTiming timing = SetTiming.BeforeConnect) =>
            Cache.Evaluate(Settings, new BufferRequest(Value ?? 0, Setting.Side, Kind, timing, Setting.Api, Setting.Force));

        private static long? ResolveValue(BufferSetting setting, KernelProfile profile)
        {
            if (setting.Constant is not long constant)
            {
                return null;
            }

            if (setting.CompoundOperator is not { } op)
            {
                return constant;
            }

            // ReceiveBufferSize *= 2 starts from what the getter returns on a fresh Linux TCP socket: tcp_rmem[1] / tcp_wmem[1].
            if (profile.Os != TargetOs.Linux)
            {
                return null;
            }

            var start = setting.Side == BufferSide.Receive ? profile.TcpRmem.Default : profile.TcpWmem.Default;
            return ConstantFolder.Combine(start, op, constant);
        }
    }
}
