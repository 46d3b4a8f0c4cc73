using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// SOCK004: a receive buffer set on a TCP (or unknown) socket after its connection exists, when the value is not
    /// constant or the window set before connecting would be larger than the one set after.
    /// </summary>
    internal static class ReceiveBufferAfterConnectRule
    {
        /// <summary>Diagnostic property telling the fix what established the connection: "Connect", "Accept" or "Constructor".</summary>
        public const string TriggerProperty = "Trigger";

        public static Diagnostic? Check(RuleInput input)
        {
            if (input.Setting.Side != BufferSide.Receive || !input.MaybeTcp || !input.ConnectionExists)
            {
                return null;
            }

            BufferOutcome? outcome = null;
            if (input.Value is long value)
            {
                // Values the OS rejects or raises to its floor are SOCK005's; a smaller window takes effect at once.
                if (value < input.Profile.SmallestKeptValue(BufferSide.Receive))
                {
                    return null;
                }

                outcome = input.Evaluate(SetTiming.AfterConnect);
                if (outcome.OsError != null || outcome.ManagedThrow || outcome.MaxWindowBefore <= outcome.MaxWindowAfter)
                {
                    return null;
                }
            }

            var trigger = input.Origin.Origin switch
            {
                OriginKind.Accepted => "Accept",
                OriginKind.ConnectingConstructor when input.ConnectCall == null => "Constructor",
                _ => "Connect",
            };
            var properties = ImmutableDictionary<string, string?>.Empty.Add(TriggerProperty, trigger);
            return Diagnostic.Create(
                Descriptors.SOCK004_ReceiveBufferAfterConnect,
                input.Setting.SettingLocation,
                properties,
                Messages.AfterConnect(trigger, outcome, input));
        }
    }
}
