namespace CampaignAdmin.Dashboard.Live;

/// <summary>
/// The dashboard's one place where pushed status changes arrive (the embedded API's events, the vendor's webhooks)
/// and where open pages listen. One per process. A source that can push registers itself, so a page can say
/// honestly whether it is live or has to poll.
/// </summary>
public sealed class LiveUpdates
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _sources = [];
    private readonly CampaignAdmin.ServiceDefaults.Listeners<StatusChange> _listeners = new();

    /// <summary>Raised when a source starts or stops pushing, so pages can update their "live" line.</summary>
    public event Action? SourcesChanged;

    /// <summary>The sources pushing now (<see cref="LiveSources"/>).</summary>
    public IReadOnlyCollection<string> Sources
    {
        get { lock (_gate) return [.. _sources]; }
    }

    public bool IsPushed
    {
        get { lock (_gate) return _sources.Count > 0; }
    }

    /// <summary>
    /// Whether a source pushes every change, campaigns' too (the embedded API does). The vendor's webhooks name only messages:
    /// a campaign starting or finishing, or a webhook the vendor never sends, still needs a slow poll.
    /// </summary>
    public bool PushesEverything
    {
        get { lock (_gate) return _sources.Contains(LiveSources.Embedded); }
    }

    public void AddSource(string source)
    {
        bool added;
        lock (_gate) added = _sources.Add(source);
        if (added) SourcesChanged?.Invoke();
    }

    public void RemoveSource(string source)
    {
        bool removed;
        lock (_gate) removed = _sources.Remove(source);
        if (removed) SourcesChanged?.Invoke();
    }

    /// <summary>Tells every listener. A listener that throws is its own problem: the others still hear it.</summary>
    public void Publish(StatusChange change) => _listeners.Tell(change);

    /// <summary>Listens until the answer is disposed. Listeners must be quick: hand work to the component's dispatcher.</summary>
    public IDisposable Subscribe(Action<StatusChange> listener) => _listeners.Add(listener);
}
