using System;

namespace SocketBufferAnalyzers.Configuration
{
    /// <summary>
    /// A value that could not be read, from a <c>socket_buffer.*</c> key or from the MSBuild property that sets it:
    /// reported once as SOCK900, naming where it was written; the next value in precedence (or the default) is used instead.
    /// </summary>
    internal readonly struct ConfigurationError : IEquatable<ConfigurationError>
    {
        public ConfigurationError(string key, string value, string expected, string fallback)
            : this(key, value, expected, fallback, fromMSBuildProperty: false)
        {
        }

        public ConfigurationError(string key, string value, string expected, string fallback, bool fromMSBuildProperty)
        {
            Key = key;
            Value = value;
            Expected = expected;
            Fallback = fallback;
            FromMSBuildProperty = fromMSBuildProperty;
        }

        /// <summary>The <c>socket_buffer.*</c> key, or the MSBuild property name (<c>SocketBufferLinuxKernel</c>).</summary>
        public string Key { get; }

        public string Value { get; }

        /// <summary>What a valid value looks like ("a positive number of bytes").</summary>
        public string Expected { get; }

        /// <summary>The value used instead.</summary>
        public string Fallback { get; }

        /// <summary>True when <see cref="Key"/> is an MSBuild property (read as <c>build_property.</c><see cref="Key"/>).</summary>
        public bool FromMSBuildProperty { get; }

        public string Message =>
            (FromMSBuildProperty ? "MSBuild property '" : "'") + Key + " = " + Value + "' cannot be used: expected " + Expected + "; using " + Fallback + " instead.";

        public bool Equals(ConfigurationError other) =>
            Key == other.Key && Value == other.Value && Fallback == other.Fallback && FromMSBuildProperty == other.FromMSBuildProperty;

        public override bool Equals(object? obj) => obj is ConfigurationError other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key) ^ StringComparer.Ordinal.GetHashCode(Value) ^ StringComparer.Ordinal.GetHashCode(Fallback);
    }
}
