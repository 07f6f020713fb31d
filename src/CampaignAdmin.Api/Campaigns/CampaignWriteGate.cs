namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// Creates take turns at SQLite's one write lock through this gate, a chunk of a big create at a time. SQLite's own
/// busy wait would let a big create take the lock back at once after each chunk while a small create sleeps and retries;
/// here the waiters queue, so a 2-client create waits for one chunk, not for a million rows.
/// </summary>
public sealed class CampaignWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _waiting;

    /// <summary>Someone is queued for a turn: a big create holding one ends its transaction at the next chunk.</summary>
    public bool IsWanted => Volatile.Read(ref _waiting) > 0;

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_gate.Wait(0, cancellationToken))
        {
            Interlocked.Increment(ref _waiting);
            try { await _gate.WaitAsync(cancellationToken); }
            finally { Interlocked.Decrement(ref _waiting); }
        }
        return new Turn(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
