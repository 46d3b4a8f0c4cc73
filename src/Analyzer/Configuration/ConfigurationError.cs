using System;

namespace SocketBufferAnalyzers.Configuration
{
    /// <summary>A key whose value could not be read: reported once as SOCK900, the default used instead.</summary>
    internal readonly struct ConfigurationError : IEquatable<ConfigurationError>
    {
        public ConfigurationError(string key, string value, string expected, string fallback)
        {
            Key = key;
            Value = value;
            Expected = expected;
            Fallback = fallback;
        }

        public string Key { get; }

        public string Value { get; }

        /// <summary>What a valid value looks like ("a positive number of bytes").</summary>
        public string Expected { get; }

        /// <summary>The value used instead.</summary>
        public string Fallback { get; }

        public string Message => "'" + Key + " = " + Value + "' cannot be used: expected " + Expected + "; using " + Fallback + " instead.";

        public bool Equals(ConfigurationError other) => Key == other.Key && Value == other.Value && Fallback == other.Fallback;

        public override bool Equals(object? obj) => obj is ConfigurationError other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key) ^ StringComparer.Ordinal.GetHashCode(Value) ^ StringComparer.Ordinal.GetHashCode(Fallback);
    }
}
