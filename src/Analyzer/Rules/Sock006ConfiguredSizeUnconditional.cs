using Microsoft.CodeAnalysis;
using SocketBufferAnalyzers.Detection;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>SOCK006: a non-constant size set on a TCP or unknown socket with no guard, so no configuration keeps autotuning on.</summary>
    internal static class ConfiguredSizeUnconditionalRule
    {
        public static Diagnostic? Check(RuleInput input)
        {
            var setting = input.Setting;
            if (setting.Constant != null || setting.CompoundOperator != null || setting.Guard.IsGuarded || !input.MaybeTcp || setting.Force)
            {
                return null;
            }

            var shippedDefault = setting.Source != null ? SyntaxDefault.Of(setting.Source) : null;
            var advice = setting.Guard.Advice;
            return Diagnostic.Create(
                Descriptors.SOCK006_ConfiguredSizeUnconditional,
                setting.ValueLocation,
                advice == null ? null : new[] { advice.Tested.GetLocation() },
                FixFacts.GuardCondition(advice),
                Messages.Unconditional(shippedDefault, input));
        }
    }
}
