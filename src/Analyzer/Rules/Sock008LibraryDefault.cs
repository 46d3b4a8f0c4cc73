using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SocketBufferAnalyzers.Catalog;
using SocketBufferAnalyzers.Configuration;
using SocketBufferAnalyzers.Detection;
using SocketBufferAnalyzers.Model;

namespace SocketBufferAnalyzers.Rules
{
    /// <summary>
    /// SOCK008: a library whose own default locks the buffers of every connection (MongoDB.Driver, MQTTnet, Hazelcast.Net,
    /// SuperSocket, Akka.Remote's dot-netty transport; <see cref="LibraryKnobs.LockingDefaults"/>), reported once per project at the
    /// first place (by file path, then position) where its client or options are created. Silent for a library whose knob the
    /// project sets on both sides (that value gets SOCK001/002/005/006 itself), or, for Akka.Remote, whose HOCON keys appear in a
    /// constant configuration string.
    /// </summary>
    internal sealed class LibraryDefaults
    {
        private readonly BoundCatalog _catalog;
        private readonly ConcurrentQueue<(LockingDefault Row, Location Location)> _created = new();
        private readonly ConcurrentDictionary<(string Library, BufferSide Side), bool> _explicit = new();

        public LibraryDefaults(BoundCatalog catalog)
        {
            _catalog = catalog;
        }

        /// <summary>A call or construction: an entry point of a library with a locking default, or a configuration call that sets its keys.</summary>
        public void Observe(IOperation operation, CallRoles roles)
        {
            foreach (var row in roles.CreatedBy)
            {
                _created.Enqueue((row, operation.Syntax.GetLocation()));
            }

            if (roles.ConfiguredBy.IsEmpty)
            {
                return;
            }

            var arguments = operation switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };
            foreach (var row in roles.ConfiguredBy)
            {
                foreach (var argument in arguments)
                {
                    var value = BufferSettingFinder.Unwrap(argument.Value);
                    var constant = value.ConstantValue.HasValue ? value.ConstantValue.Value : null;
                    if (row.ExplicitTexts.IsEmpty
                        ? constant is true
                        : constant is string text && row.ExplicitTexts.All(key => text.IndexOf(key, System.StringComparison.Ordinal) >= 0))
                    {
                        _explicit[(row.Library, BufferSide.Receive)] = true;
                        _explicit[(row.Library, BufferSide.Send)] = true;
                    }
                }
            }
        }

        /// <summary>A knob setting of the project (constant, configured, or "unset"): that side of its library's default is the user's choice.</summary>
        public void RecordSetting(BufferSetting setting)
        {
            if (_catalog.HasLockingDefaults && setting.Form.Library is { } library)
            {
                _explicit[(library, setting.Side)] = true;
            }
        }

        public void Report(CompilationAnalysisContext context, AnalysisSession session)
        {
            if (_created.IsEmpty)
            {
                return;
            }

            foreach (var group in _created.GroupBy(c => c.Row.Library, System.StringComparer.Ordinal))
            {
                if (_explicit.ContainsKey((group.Key, BufferSide.Receive)) && _explicit.ContainsKey((group.Key, BufferSide.Send)))
                {
                    continue;
                }

                var first = group
                    .OrderBy(c => c.Location.SourceTree?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
                    .ThenBy(c => c.Location.SourceSpan.Start)
                    .First();
                if (first.Location.SourceTree is not { } tree)
                {
                    continue;
                }

                var settings = session.SettingsFor(tree);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SOCK008_LibraryDefaultFixesBuffers, first.Location, Message(first.Row, settings, session.Cache, _catalog.HasOptOut(first.Row))));
            }
        }

        /// <summary>The library's numbers for the configured profile and what a user can write instead.</summary>
        internal static string Message(LockingDefault row, AnalyzerSettings settings, ModelCache cache, bool hasOptOut)
        {
            var timing = row.AppliedAfterConnect ? SetTiming.AfterConnect : SetTiming.BeforeConnect;
            var receive = cache.Evaluate(settings, BufferRequest.LibraryDefault(row.ReceiveBytes, BufferSide.Receive, timing));
            var send = cache.Evaluate(settings, BufferRequest.LibraryDefault(row.SendBytes, BufferSide.Send, timing));
            var rtt = Units.Duration(settings.Link.RttMicroseconds);
            var profile = settings.Profile;
            var head = row.Library + " fixes the socket buffers of every connection by default (" + Units.Bytes(row.ReceiveBytes) + " receive, "
                + Units.Bytes(row.SendBytes) + " send" + (row.AppliedAfterConnect ? ", set after it connects" : string.Empty) + "): ";
            string numbers;
            if (profile.Os == TargetOs.Linux)
            {
                numbers = "Linux keeps " + Units.Bytes(receive.EffectiveBuffer) + " and " + Units.Bytes(send.EffectiveBuffer) + ", locked, with a receive window of at most "
                    + Units.Bytes(receive.MaxWindow) + " and no autotuning to " + Units.Bytes(receive.AutotuneBufferCeiling) + "; at " + rtt + " RTT one connection tops out at "
                    + Units.Rate(System.Math.Min(receive.ThroughputCap, send.ThroughputCap)) + ".";
            }
            else
            {
                numbers = "on " + profile.Describe() + " fixed buffers of " + Units.Bytes(receive.EffectiveBuffer) + " and " + Units.Bytes(send.EffectiveBuffer)
                    + " and no autosizing; at " + rtt + " RTT one connection tops out at " + Units.Rate(System.Math.Min(receive.ThroughputCap, send.ThroughputCap)) + ".";
            }

            var recommendation = cache.Recommend(settings, BufferSide.Receive);
            var sized = recommendation.Kind == RecommendationKind.SetValue && recommendation.Value > row.ReceiveBytes
                ? "a larger value sized for the link (" + Units.Bytes(recommendation.Value) + ")"
                : "a larger value";
            string advice;
            if (hasOptOut && row.OptOutText != null)
            {
                advice = "Use " + row.OptOutText + "; otherwise 0 is not accepted and a larger value reaches the window only from Linux 6.11"
                    + (row.AppliedAfterConnect ? " (the sizes are set after Connect)." : ".");
            }
            else if (row.ZeroAccepted)
            {
                advice = "Set " + row.Knob + " to 0 so that the library leaves the buffers to the kernel"
                    + (row.AppliedAfterConnect ? "; a larger value is applied after the connection exists, so it reaches the window only from Linux 6.11." : ", or to " + sized + ".");
            }
            else if (row.AppliedAfterConnect)
            {
                advice = "0 is not accepted and " + row.Knob + " is applied after Connect, so " + sized + " reaches the window only from Linux 6.11"
                    + (row.Unlock != null ? "; otherwise " + row.Unlock + "." : ".");
            }
            else
            {
                advice = "0 would lock the kernel minimum, so the way out is " + sized + " in " + row.Knob + (row.Unlock != null ? ", or " + row.Unlock : string.Empty) + ".";
            }

            return head + numbers + " " + advice;
        }
    }
}
