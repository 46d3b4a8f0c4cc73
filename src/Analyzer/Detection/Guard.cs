namespace SocketBufferAnalyzers.Detection
{
    /// <summary>What the conditions around a setting imply about its value, on every path that reaches it.</summary>
    internal enum GuardStrength
    {
        /// <summary>Nothing: the setting runs whatever the value (or under a condition that does not test it, or only on some paths).</summary>
        None,

        /// <summary>Some value skips the setting, but 0 reaches it (<c>!= -1</c>, <c>&gt;= 0</c>, a test the analysis cannot read).</summary>
        LetsZeroThrough,

        /// <summary>0 (or null, for a nullable whose null is the unset state) never reaches it: <c>&gt; 0</c>, <c>!= 0</c>, <c>HasValue</c>.</summary>
        ExcludesZero,
    }

    /// <summary>How a non-constant setting is guarded, and the guard a fix would write when it is not.</summary>
    internal sealed class Guard
    {
        public static readonly Guard NotNeeded = new Guard(GuardStrength.None, null);

        public Guard(GuardStrength strength, GuardAdvice? advice)
        {
            Strength = strength;
            Advice = advice;
        }

        public GuardStrength Strength { get; }

        /// <summary>The setting only runs for some configured values.</summary>
        public bool IsGuarded => Strength != GuardStrength.None;

        /// <summary>The condition that applies the value only when it is set (the SOCK006 message and fix both use it); null when none is honest.</summary>
        public GuardAdvice? Advice { get; }
    }
}
