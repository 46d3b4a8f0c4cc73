using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Detection
{
    /// <summary>
    /// The operating system a setting's enclosing branch proves: <c>OperatingSystem.IsWindows()</c>, <c>IsLinux()</c>,
    /// <c>IsMacOS()</c>/<c>IsMacCatalyst()</c>, <c>RuntimeInformation.IsOSPlatform(OSPlatform.X)</c>, in an <c>if</c> or its
    /// <c>else</c> (negations included), or before it as <c>if (!OperatingSystem.IsLinux()) return;</c>. Such a setting is
    /// judged with that system's profile, whatever <c>socket_buffer.target_os</c> says.
    /// </summary>
    internal static class PlatformBranch
    {
        public static TargetOs? Of(IOperation setting, MethodBodies bodies)
        {
            IOperation child = setting;
            for (var current = child.Parent; current != null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IConditionalOperation conditional when conditional.Condition != child:
                        if (Proves(conditional.Condition, child == conditional.WhenTrue) is { } os)
                        {
                            return os;
                        }

                        break;
                    case IBlockOperation block:
                        // if (!OperatingSystem.IsLinux()) return;  →  what follows runs on Linux (the block's exits are indexed once).
                        var exits = bodies.For(block).ExitsOf(block);
                        if (exits.PlatformBefore(exits.PositionOf(child)) is { } after)
                        {
                            return after;
                        }

                        break;
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The system a condition proves when it is <paramref name="polarity"/>: only a positive check proves one.</summary>
        internal static TargetOs? Proves(IOperation condition, bool polarity)
        {
            condition = BufferSettingFinder.Unwrap(condition);
            if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                return Proves(not.Operand, !polarity);
            }

            if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both && polarity)
            {
                return Proves(both.LeftOperand, true) ?? Proves(both.RightOperand, true);
            }

            if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either && !polarity)
            {
                return Proves(either.LeftOperand, false) ?? Proves(either.RightOperand, false);
            }

            return polarity && condition is IInvocationOperation invocation ? Check(invocation) : null;
        }

        private static TargetOs? Check(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (TypeNames.Is(type, "System.OperatingSystem"))
            {
                return method.Name switch
                {
                    "IsWindows" or "IsWindowsVersionAtLeast" => TargetOs.Windows,
                    "IsLinux" => TargetOs.Linux,
                    "IsMacOS" or "IsMacCatalyst" or "IsMacOSVersionAtLeast" => TargetOs.MacOS,
                    _ => null,
                };
            }

            if (method.Name == "IsOSPlatform" && TypeNames.Is(type, "System.Runtime.InteropServices.RuntimeInformation") && invocation.Arguments.Length == 1
                && BufferSettingFinder.Unwrap(invocation.Arguments[0].Value) is IPropertyReferenceOperation { Property: { IsStatic: true } platform }
                && TypeNames.Is(platform.ContainingType, "System.Runtime.InteropServices.OSPlatform"))
            {
                return platform.Name switch
                {
                    "Windows" => TargetOs.Windows,
                    "Linux" => TargetOs.Linux,
                    "OSX" => TargetOs.MacOS,
                    _ => null,
                };
            }

            return null;
        }
    }
}
