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
        public static Diagnostic? Check(RuleInput input)
        {
            var setting = input.Setting;
            // A knob of the library being compiled is plumbing unless constant: the flow reports the library's own late setting.
            if (setting.Side != BufferSide.Receive || !input.MaybeTcp || !setting.ConnectionExists || setting.Form.IsPlumbingFor(setting.Constant))
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

            var trigger = setting.ConnectCall != null ? ConnectionTrigger.Connect
                : setting.Origin.Origin switch
                {
                    OriginKind.Accepted => ConnectionTrigger.Accept,
                    OriginKind.ConnectingConstructor => ConnectionTrigger.Constructor,
                    _ when setting.ConnectedIn != null => ConnectionTrigger.Caller,
                    _ => ConnectionTrigger.Library,
                };
            return Diagnostic.Create(
                Descriptors.SOCK004_ReceiveBufferAfterConnect,
                setting.SettingLocation,
                setting.ConnectCall == null ? null : new[] { setting.ConnectCall.Syntax.GetLocation() },
                FixFacts.Connection(trigger),
                Messages.AfterConnect(trigger, outcome, input));
        }
    }
}
