using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Drafts;

/// <summary>
/// Saves the builder's draft as the person works: <see cref="DraftOptions.SaveAfter"/> after the last change, and at once when
/// they navigate away or the circuit ends. A keystroke only bumps <see cref="CampaignDraft.Version"/> and moves the deadline; the
/// wait and the capture run on the circuit's own thread (so no event handler changes a row while it is copied), the
/// serializing and compressing on the thread pool, the database write after. One save at a time; a version already saved is
/// not saved again. A failed save never reaches the circuit: it is said in <see cref="Status"/> and the next change tries again.
/// </summary>
public sealed class DraftAutosave(CampaignDraft draft, DraftActions actions, TimeProvider time, TimeSpan saveAfter, Guid? id = null, string origin = "")
    : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    // A timestamp, not the wall clock: the wait is elapsed time, whatever the clock says.
    private long _lastChange;
    private Task? _loop;
    private long _savedVersion = draft.Version;
    private bool _stopped;
    // Whether "not saved yet" has been announced since the last save: announced once per pause, not on every keystroke.
    private bool _pendingAnnounced;

    /// <summary>The draft's ID once it has one: given when reopened, else made at its first save.</summary>
    public Guid? Id { get; private set; } = id;

    /// <summary>When the draft was last saved by this builder.</summary>
    public DateTimeOffset? SavedAt { get; private set; }

    /// <summary>
    /// Changes are waiting for the next save: the status says so rather than "saved at" an earlier moment, so what it shows is
    /// true of everything on the page (a person who closes the tab on "saved" has lost nothing).
    /// </summary>
    public bool Pending => !_stopped && draft.Version != Volatile.Read(ref _savedVersion);

    /// <summary>Why the last save failed, or <c>null</c>.</summary>
    public string? Problem { get; private set; }

    private bool Failed => Problem is not null;

    /// <summary>The status changed (a small component re-renders itself, not the builder).</summary>
    public event Action? StatusChanged;

    /// <summary>The draft got its ID (the page puts it in the address, so a reload reopens it).</summary>
    public event Action<Guid>? Created;

    /// <summary>Saves so far (for tests and the bench).</summary>
    public int Saves { get; private set; }

    /// <summary>The last save's cost on the circuit's thread (the copy of the rows), off it (JSON, gzip, the database), and its size: the bench reads them.</summary>
    public (TimeSpan OnCircuit, TimeSpan OffCircuit, int Bytes) LastCost { get; private set; }

    /// <summary>Called on the circuit's thread after every change: costs a clock read.</summary>
    public void Changed()
    {
        if (_stopped) return;
        _lastChange = time.GetTimestamp();
        if (!_pendingAnnounced)
        {
            // On the circuit's thread, so the status re-renders in the same batch as the change itself.
            _pendingAnnounced = true;
            StatusChanged?.Invoke();
        }
        if (_loop is null || _loop.IsCompleted) _loop = RunAsync();
    }

    /// <summary>
    /// Saves now what has not been saved: on navigation away and at the circuit's end, where a new draft is not announced
    /// (<see cref="Created"/> would put the builder's address back in place of the one being opened).
    /// </summary>
    public Task SaveNowAsync() => _stopped ? Task.CompletedTask : SaveOnceAsync();

    /// <summary>Stops saving for good (the campaign was created from it): waits for a save in flight, so none lands after.</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await _stop.CancelAsync();
        await _gate.WaitAsync();
        _gate.Release();
    }

    private async Task RunAsync()
    {
        try
        {
            while (!_stopped)
            {
                var wait = saveAfter - time.GetElapsedTime(_lastChange);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, _stop.Token);
                    continue;
                }
                await SaveAsync();
                if (draft.Version == _savedVersion || Failed) return;
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private async Task SaveAsync()
    {
        // Told after the gate is released: the page's answer (it changes the address) may itself ask for a save.
        if (await SaveOnceAsync() is { } created) Created?.Invoke(created);
    }

    /// <summary>Saves what changed; returns the draft's ID when this save created it.</summary>
    private async Task<Guid?> SaveOnceAsync()
    {
        await _gate.WaitAsync();
        try
        {
            var version = draft.Version;
            if (version == _savedVersion || _stopped) return null;
            // On the circuit's thread: a copy of the rows' references, so the builder may change them while the copy is written.
            var started = time.GetTimestamp();
            var content = DraftContent.Capture(draft);
            var captured = time.GetTimestamp();
            var compressed = await Task.Run(content.Compress);
            var first = Id is null;
            var draftId = Id ?? Guid.NewGuid();
            await actions.SaveAsync(draftId, content, compressed, origin);
            LastCost = (time.GetElapsedTime(started, captured), time.GetElapsedTime(captured), compressed.Length);
            (Id, Problem, SavedAt) = (draftId, null, time.GetUtcNow());
            Volatile.Write(ref _savedVersion, version);
            Saves++;
            _pendingAnnounced = false;
            StatusChanged?.Invoke();
            return first ? draftId : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Problem = exception is ActionRefusedException refused ? refused.Message
                : Localized.Format(typeof(DraftAutosave), "The draft could not be saved ({0}); the next change tries again.", exception.GetType().Name);
            StatusChanged?.Invoke();
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The circuit ends (the tab closed, the connection gave up): what was not saved yet is saved now.
        await SaveNowAsync();
        _stopped = true;
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
