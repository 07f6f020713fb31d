namespace CampaignAdmin.Dashboard.Live;

/// <summary>
/// Keeps one open page current: re-reads when a push source says something it shows changed (coalesced, see
/// <see cref="LivePace"/>), and only where nothing pushes, polls with back-off while the page's <see cref="LiveNeed"/>
/// asks for it. <see cref="Text"/> says which, honestly. A component owns one, starts it once loaded, disposes it with itself.
/// </summary>
public sealed class LiveRefresher(LiveUpdates hub, TimeProvider time, LivePace? pace = null) : IDisposable
{
    private LivePace _pace = pace ?? LivePace.Default;
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _refreshWanted;
    private IDisposable? _subscription;
    private Options _options = null!;
    private TimeSpan _interval;
    private LiveNeed _lastNeed = LiveNeed.Final;
    private bool _started;

    /// <param name="Concerns">Whether a pushed change may concern the page (a change with no campaign concerns every page).</param>
    /// <param name="Need">What the page still has to watch, from what it shows now.</param>
    /// <param name="Refresh">Re-reads on the component's dispatcher; true when something shown changed.</param>
    /// <param name="FinalText">What <see cref="Text"/> says when nothing pushes and nothing is left to watch.</param>
    /// <param name="TextChanged">Called (off the dispatcher) when <see cref="Text"/> changed.</param>
    public sealed record Options(Func<StatusChange, bool> Concerns, Func<LiveNeed> Need, Func<Task<bool>> Refresh, string FinalText, Action TextChanged);

    /// <summary>Cancelled once the owner is disposed.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>"Live: …", "Refreshing every N s: …" or the page's final sentence.</summary>
    public string Text { get; private set; } = "";

    /// <summary>How many re-reads it made (for the page's tests).</summary>
    public int Refreshes { get; private set; }

    /// <param name="pace">Replaces the pace given at construction (a page that learned its re-read is costly).</param>
    public void Start(Options options, LivePace? pace = null)
    {
        if (_started || _stop.IsCancellationRequested) return;
        if (pace is not null) _pace = pace;
        (_started, _options, _interval) = (true, options, _pace.First);
        _subscription = hub.Subscribe(change =>
        {
            if (options.Concerns(change)) RefreshSoon();
        });
        hub.SourcesChanged += Reconsider;
        UpdateText();
        _ = RunAsync();
    }

    /// <summary>Re-read soon (coalesced with any other request).</summary>
    public void RefreshSoon()
    {
        Volatile.Write(ref _refreshWanted, 1);
        Volatile.Read(ref _signal).TrySetResult();
    }

    /// <summary>The page's need may have changed (it re-read by itself): look again at whether and how often to poll.</summary>
    public void Reconsider() => Volatile.Read(ref _signal).TrySetResult();

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var need = _options.Need();
                if (need == LiveNeed.Underway && _lastNeed != LiveNeed.Underway) _interval = _pace.First;
                _lastNeed = need;
                UpdateText();
                TimeSpan? poll = hub.PushesEverything ? null : need switch
                {
                    // Webhooks only: each message's change is pushed; the campaign itself is checked at the slowest pace.
                    LiveNeed.Underway => hub.IsPushed ? _pace.Max : _interval,
                    LiveNeed.Slow => hub.IsPushed ? null : _pace.Slow,
                    _ => null,
                };
                var woke = await WaitAsync(poll, token);
                if (woke == Wake.Reconsider) continue;
                var started = time.GetTimestamp();
                var changed = await RefreshAsync();
                if (woke == Wake.Timer && need == LiveNeed.Underway) _interval = _pace.After(_interval, changed);
                if (woke == Wake.Push)
                {
                    // Pushes that arrive meanwhile collapse into one re-read, no sooner than MinGap after this one started.
                    var rest = _pace.MinGap - time.GetElapsedTime(started);
                    if (rest > TimeSpan.Zero) await Task.Delay(rest, time, token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the page was left
        }
        catch (ObjectDisposedException)
        {
            // the circuit went away mid-refresh
        }
    }

    private async Task<bool> RefreshAsync()
    {
        try
        {
            Refreshes++;
            return await _options.Refresh();
        }
        catch (Exception) when (!_stop.IsCancellationRequested)
        {
            // A failed refresh shows its own error on the page; the next one tries again.
            return false;
        }
    }

    private enum Wake { Push, Timer, Reconsider }

    private async Task<Wake> WaitAsync(TimeSpan? poll, CancellationToken token)
    {
        while (true)
        {
            if (Interlocked.Exchange(ref _refreshWanted, 0) == 1) return Wake.Push;
            var signal = Volatile.Read(ref _signal);
            if (signal.Task.IsCompleted)
            {
                Volatile.Write(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                // A push sets its flag before the signal: without the flag, it was a reconsider.
                return Interlocked.Exchange(ref _refreshWanted, 0) == 1 ? Wake.Push : Wake.Reconsider;
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
            var delay = Task.Delay(poll ?? Timeout.InfiniteTimeSpan, time, wait.Token);
            if (await Task.WhenAny(signal.Task, delay) == delay)
            {
                await delay; // throws when the page was left
                return Wake.Timer;
            }
            wait.Cancel();
        }
    }

    private void UpdateText()
    {
        var text = hub.PushesEverything ? LiveTexts.Live
            : hub.IsPushed ? (_lastNeed == LiveNeed.Underway ? LiveTexts.LiveByWebhooks(_pace.Max) : LiveTexts.Live)
            : _lastNeed switch
        {
            LiveNeed.Underway => LiveTexts.Polling(_interval),
            LiveNeed.Slow => LiveTexts.Polling(_pace.Slow),
            _ => _options.FinalText,
        };
        if (text == Text) return;
        Text = text;
        _options.TextChanged();
    }

    public void Dispose()
    {
        hub.SourcesChanged -= Reconsider;
        _subscription?.Dispose();
        _stop.Cancel();
        _stop.Dispose();
    }
}
