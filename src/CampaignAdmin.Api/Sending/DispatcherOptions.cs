namespace CampaignAdmin.Api.Sending;

/// <summary>The <c>Dispatcher</c> configuration section.</summary>
public sealed class DispatcherOptions
{
    public const string Section = "Dispatcher";

    public const string MessagesPerSecondError = "Dispatcher:MessagesPerSecond must be 0 (unpaced) or a positive number of messages per second.";
    public const string MaxInFlightError = "Dispatcher:MaxInFlight must be at least 1.";
    public const string BatchSizeError = "Dispatcher:BatchSize must be at least 1.";

    /// <summary>Messages per second across all campaigns; 80 is WhatsApp's default throughput, 0 is unpaced.</summary>
    public int MessagesPerSecond { get; set; } = 80;

    /// <summary>The most claimed at once; paced, a claim is at most a fifth of a second's worth, handed over a slot at a time.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Batches with the provider at once: the next is claimed and handed over while earlier ones wait for their answer,
    /// so a provider that takes 200 ms to answer still gets its full pace.
    /// </summary>
    public int MaxInFlight { get; set; } = 4;

    /// <summary>
    /// How long a claimed message may stay SENDING before another process (or this one after a restart) settles it:
    /// re-queued when it was never handed to the provider, "outcome unknown" when it was.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Added to the lease before settling it, and waited after a provider call ended without an answer before asking the
    /// provider about it: messages stranded by a crash are settled within <see cref="Lease"/> + this of their claim.
    /// </summary>
    public TimeSpan SettleGrace { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Ask a provider that can answer (<see cref="IProviderLookup"/>) about "outcome unknown" messages.</summary>
    public bool AskProvider { get; set; } = true;

    /// <summary>Tries for a send that certainly did not happen (throttling, connection refused).</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often to look for due campaigns when nothing wakes the dispatcher sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Substituted for <c>&lt;namespace&gt;</c> in every payload.</summary>
    public string Namespace { get; set; } = "campaignadmin";

    public bool Enabled { get; set; } = true;
}

/// <summary>Wakes the dispatcher when there is new work, so a campaign that starts now is not left to the next poll.</summary>
public sealed class DispatcherSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private int _woken;

    public void Wake()
    {
        Volatile.Write(ref _woken, 1);
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    /// <summary>Whether <see cref="Wake"/> was called since the last time this was asked: a campaign was created or rescheduled.</summary>
    public bool TakeWake() => Interlocked.Exchange(ref _woken, 0) == 1;

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
