using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>A setting and the deployment it is judged for (its tree's settings): what every per-setting rule decides on.</summary>
    internal sealed class RuleInput
    {
        public RuleInput(BufferSetting setting, AnalyzerSettings settings, ModelCache cache)
        {
            Setting = setting;
            Settings = settings;
            Cache = cache;
            Value = setting.BytesOn(settings.Profile);
        }

        public BufferSetting Setting { get; }

        public AnalyzerSettings Settings { get; }

        public KernelProfile Profile => Settings.Profile;

        public ModelCache Cache { get; }

        /// <summary>The size in bytes as the kernel receives it, when it is a constant.</summary>
        public long? Value { get; }

        public SocketKind Kind => Setting.Kind;

        public bool MaybeTcp => Setting.MaybeTcp;

        /// <summary>The model's outcome for a size on this setting (its own constant unless another is given).</summary>
        public BufferOutcome Evaluate(SetTiming timing = SetTiming.BeforeConnect, long? bytes = null) =>
            Cache.Evaluate(Settings, Setting.Request(bytes ?? Value ?? 0, timing));
    }
}
