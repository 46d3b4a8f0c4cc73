using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Model;
using SocketBufferAnalyzers.Rules;
using SocketBufferAnalyzers.Tests.Verifiers;

namespace SocketBufferAnalyzers.Tests.Rules
{
    /// <summary>
    /// The messages name the path a value goes through (<see cref="BufferSetting.Via"/>) and the caller that connected
    /// (<see cref="BufferSetting.ConnectedIn"/>) when the cross-method analysis fills them: built here directly from a setting.
    /// </summary>
    public class MessageInputsTests
    {
        private const string Via = "CrossPlatformSocket.ReceiveBufferSize";
        private const string ConnectedIn = "ConnectAsync in Client.OpenAsync";

        [Fact]
        public void FixedBufferNamesThePath()
        {
            var input = Input("s.ReceiveBufferSize = 8192;", constant: 8192, via: Via);
            var message = FixedTcpBufferRule.Check(input)!.GetMessage();
            Assert.StartsWith("Receive buffer fixed at 8 KiB through CrossPlatformSocket.ReceiveBufferSize: Linux doubles it to 16 KiB", message);
        }

        [Fact]
        public void AboveLimitAndNotPositiveNameThePath()
        {
            Assert.StartsWith("Receive buffer of 1 MiB through " + Via + " is above net.core.rmem_max",
                AboveKernelLimitRule.Check(Input("s.ReceiveBufferSize = 1 << 20;", constant: 1 << 20, via: Via))!.GetMessage());
            Assert.StartsWith("Send buffer set to 0 through " + Via + ": Linux raises it",
                NotPositiveOrBelowMinimumRule.Check(Input("s.SendBufferSize = 0;", constant: 0, via: Via))!.GetMessage());
        }

        [Fact]
        public void UnconditionalNamesThePath()
        {
            var input = Input("s.ReceiveBufferSize = size;", constant: null, via: Via);
            Assert.StartsWith("ReceiveBufferSize is set from size through " + Via + " whatever its value", Messages.Unconditional(null, input));
        }

        [Fact]
        public void AfterConnectNamesTheCallerThatConnected()
        {
            var input = Input("s.ReceiveBufferSize = 1 << 17;", constant: 1 << 17, connectedIn: ConnectedIn);
            var outcome = input.Evaluate(SetTiming.AfterConnect);
            var message = Messages.AfterConnect(ConnectionTrigger.Connect, outcome, input);
            Assert.StartsWith("ReceiveBufferSize is set after ConnectAsync in Client.OpenAsync, too late: ", message);
            Assert.EndsWith(" Set it before ConnectAsync in Client.OpenAsync.", message);
            Assert.Contains("the connection's window stays at 64 KiB instead of 128 KiB", message);

            var accepted = Messages.AfterConnect(ConnectionTrigger.Accept, outcome, Input("s.ReceiveBufferSize = 1 << 17;", constant: 1 << 17, connectedIn: "AcceptAsync in Server.RunAsync"));
            Assert.StartsWith("ReceiveBufferSize is set on a socket from AcceptAsync in Server.RunAsync, too late: ", accepted);
        }

        [Fact]
        public void WithoutThemTheMessagesAreTheDirectOnes()
        {
            var input = Input("s.ReceiveBufferSize = 1 << 17;", constant: 1 << 17);
            Assert.DoesNotContain(" through ", FixedTcpBufferRule.Check(input)!.GetMessage());
            Assert.StartsWith("ReceiveBufferSize is set after Connect, too late: ", Messages.AfterConnect(ConnectionTrigger.Connect, input.Evaluate(SetTiming.AfterConnect), input));
        }

        [Theory]
        [InlineData(8192, "8 KiB")]
        [InlineData(512, "512 bytes")]
        [InlineData(2304, "2.25 KiB")]
        [InlineData(86528, "84.5 KiB")]
        [InlineData(7456540, "~7.11 MiB")]
        [InlineData(10816, "~10.6 KiB")]
        [InlineData(212992, "208 KiB")]
        [InlineData(6291456, "6 MiB")]
        public void SizesPrintInOneStyle(long bytes, string text) => Assert.Equal(text, Messages.Size(bytes));

        /// <summary>One setting of a TCP socket <c>s</c> in <c>C.M</c>, described as the cross-method analysis would.</summary>
        private static RuleInput Input(string statement, long? constant, string? via = null, string? connectedIn = null)
        {
            var source = "using System.Net.Sockets;\nclass C { void M(Socket s, int size) { " + statement + " } }";
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create("Inputs", new[] { tree }, TestReferences.Net100, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var model = compilation.GetSemanticModel(tree);
            var syntax = tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>().Single();
            var assignment = (IAssignmentOperation)model.GetOperation(syntax)!;
            var symbols = SocketSymbols.TryCreate(compilation)!;
            var match = new BufferSettingFinder(symbols.Catalog, symbols.BitConverter).FromAssignment(assignment).Single();
            var guard = constant == null ? new Guard(GuardStrength.None, GuardAdvice.For(match.Value)) : Guard.NotNeeded;
            var setting = new BufferSetting(match, "C.M", constant, null, guard, new SocketOrigin(SocketKind.Tcp, OriginKind.Created), null, via, connectedIn);
            return new RuleInput(setting, AnalyzerSettings.Default, new ModelCache());
        }
    }
}
