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
            if (setting.Constant != null || setting.CompoundOperator != null || setting.Guarded || !input.MaybeTcp || setting.Force)
            {
                return null;
            }

            var source = ValueSource.Of(setting.Value);
            var shippedDefault = source != null ? SyntaxDefault.Of(source) : null;
            return Diagnostic.Create(
                Descriptors.SOCK006_ConfiguredSizeUnconditional,
                setting.ValueLocation,
                Messages.Unconditional(shippedDefault, input));
        }
    }
}
