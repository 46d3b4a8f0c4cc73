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
            // A knob whose library skips 0 (NetMQ, Npgsql, Kafka, SuperSocket) already leaves configuration 0 to autotuning: no guard needed.
            // A knob of the library being compiled forwards its configuration: the flow judges the library's own setting on the socket.
            if (setting.Constant != null || setting.CompoundOperator != null || setting.Guard.IsGuarded || !input.MaybeTcp || setting.Force || setting.Form.ZeroMeansUnset
                || setting.Form.DeclaredInSource)
            {
                return null;
            }

            // Copying a knob from another options object (a clone, a copy constructor) configures nothing.
            if (setting.Form.Library != null && setting.Source is IPropertySymbol copied && copied.Name == setting.Form.MemberName
                && SymbolEqualityComparer.Default.Equals(copied.ContainingType, (setting.Operation as Microsoft.CodeAnalysis.Operations.IAssignmentOperation)?.Target is Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation target ? target.Property.ContainingType : null))
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
