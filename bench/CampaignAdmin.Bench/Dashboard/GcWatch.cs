using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace CampaignAdmin.Bench.Dashboard;

/// <summary>
/// The product's garbage collections while something runs, seen from outside over EventPipe (GC keyword, informational):
/// how many of each generation, and how long the runtime was suspended for each (SuspendEEStart → RestartEEStop), which
/// is the pause a circuit's keystroke can wait behind.
/// </summary>
internal sealed class GcWatch : IDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly List<(int Generation, double PauseMs, double AtMs, long PromotedBytes, bool Induced)> _gcs = [];
    private double? _suspendedAt;
    private int _generation = -1;
    private bool _induced;
    private long _promoted;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<(string Name, double AtMs)> _marks = [];

    private GcWatch(int processId)
    {
        var client = new DiagnosticsClient(processId);
        _session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC)], requestRundown: false);
        var source = new EventPipeEventSource(_session.EventStream);
        source.Clr.GCSuspendEEStart += e => _suspendedAt = e.TimeStampRelativeMSec;
        source.Clr.GCStart += e => (_generation, _induced) = (e.Depth, e.Reason is Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.Induced);
        source.Clr.GCHeapStats += e => _promoted = e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2;
        source.Clr.GCRestartEEStop += e =>
        {
            if (_suspendedAt is not { } start) return;
            lock (_gcs) _gcs.Add((_generation, e.TimeStampRelativeMSec - start, start, _promoted, _induced));
            (_suspendedAt, _generation, _promoted) = (null, -1, 0);
        };
        _reading = Task.Run(() =>
        {
            try { source.Process(); }
            finally { source.Dispose(); }
        });
    }

    public static GcWatch Start(int processId) => new(processId);

    /// <summary>A moment to place the collections against ("paste shown"), in ms since the watch started (as the GC times are, roughly).</summary>
    public void Mark(string name) => _marks.Add((name, _clock.Elapsed.TotalMilliseconds));

    /// <summary>Stops watching; "gen0 ×12 (max 3.1 ms), gen1 ×2 (max 40.2 ms), …, total pause 80.0 ms".</summary>
    public string Stop()
    {
        // Let the last events reach the session before it ends.
        Thread.Sleep(1500);
        _session.Stop();
        _reading.Wait(TimeSpan.FromSeconds(10));
        lock (_gcs)
        {
            if (_gcs.Count == 0) return "no GC";
            var byGeneration = _gcs.GroupBy(g => g.Generation).OrderBy(g => g.Key)
                .Select(g => FormattableString.Invariant($"gen{g.Key} ×{g.Count()} (max {g.Max(x => x.PauseMs):F1} ms)"));
            // Each pause over 5 ms, with when (ms into the watch) and what it promoted: a promotion of many rows is slow.
            var long_ = _gcs.Where(g => g.PauseMs > 5).Select(g =>
                FormattableString.Invariant($"gen{g.Generation}{(g.Induced ? " induced" : "")} {g.PauseMs:F1} ms at {g.AtMs:F0} ms, promoted {g.PromotedBytes / 1024.0 / 1024.0:F1} MiB"));
            var marks = _marks.Count == 0 ? "" : "; marks: " + string.Join(", ", _marks.Select(m => FormattableString.Invariant($"{m.Name} at {m.AtMs:F0} ms")));
            return string.Join(", ", byGeneration) + marks + FormattableString.Invariant($", total pause {_gcs.Sum(g => g.PauseMs):F1} ms")
                   + (long_.Any() ? "; over 5 ms: " + string.Join("; ", long_) : "");
        }
    }

    public void Dispose() => _session.Dispose();
}
