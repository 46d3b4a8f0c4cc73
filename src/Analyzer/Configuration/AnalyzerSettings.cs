using System;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Configuration
{
    /// <summary>The deployment a syntax tree describes: the kernel profile and the link.</summary>
    internal sealed class AnalyzerSettings : IEquatable<AnalyzerSettings>
    {
        public AnalyzerSettings(KernelProfile profile, LinkProfile link)
        {
            Profile = profile;
            Link = link;
        }

        /// <summary>Linux 6.1, stock sysctls, 1 Gbit/s at 50 ms.</summary>
        public static AnalyzerSettings Default { get; } = new AnalyzerSettings(KernelProfile.Default, LinkProfile.Default);

        public KernelProfile Profile { get; }

        public LinkProfile Link { get; }

        public bool Equals(AnalyzerSettings? other) => other != null && Profile.Equals(other.Profile) && Link.Equals(other.Link);

        public override bool Equals(object? obj) => Equals(obj as AnalyzerSettings);

        public override int GetHashCode() => unchecked((Profile.GetHashCode() * 397) ^ Link.GetHashCode());
    }
}
