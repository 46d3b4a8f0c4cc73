namespace SocketBufferAnalyzers.CodeFixes
{
    /// <summary>"Remove the fixed buffer size" (SOCK001, SOCK002, SOCK005): deletes the statement or initializer member.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveBufferSettingCodeFix))]
    [Shared]
    public sealed class RemoveBufferSettingCodeFix : SocketBufferCodeFix
    {
        public const string EquivalenceKey = "SocketBufferAnalyzers.RemoveFixedBufferSize";
        public const string Title = "Remove the fixed buffer size";

        public RemoveBufferSettingCodeFix()
            : base(EquivalenceKey, Title, Descriptors.SOCK001_FixedTcpReceiveBuffer, Descriptors.SOCK002_FixedTcpSendBuffer, Descriptors.SOCK005_NotPositiveOrBelowMinimum)
        {
        }

        protected override Task<SyntaxNode?> FindTargetAsync(Document document, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var setting = SettingSyntax.SettingAround(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
            return Task.FromResult(setting == null ? null : SettingSyntax.RemovableNode(setting));
        }

        protected override Task<SyntaxNode?> RewriteAsync(Document document, SyntaxNode root, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            Task.FromResult<SyntaxNode?>(SettingSyntax.Remove(root, target));
    }
}
