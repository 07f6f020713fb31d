namespace CampaignAdmin.ServiceDefaults;

/// <summary>
/// Who listens to one kind of event, for a publisher that must never wait for or fail because of them: the API's committed
/// status changes, the dashboard's live updates. Adding and removing copy the array, telling reads it without a lock;
/// a listener that throws is its own problem, the others still hear it.
/// </summary>
public sealed class Listeners<T>
{
    private readonly Lock _gate = new();
    private Action<T>[] _all = [];

    public bool Any => Volatile.Read(ref _all).Length > 0;

    /// <summary>Listens until the answer is disposed. Listeners run on the teller's thread: they must be quick.</summary>
    public IDisposable Add(Action<T> listener)
    {
        lock (_gate) _all = [.. _all, listener];
        return new Subscription(this, listener);
    }

    public void Tell(T value)
    {
        foreach (var listener in Volatile.Read(ref _all))
        {
            try { listener(value); }
            catch (Exception) { /* a listener that went away mid-change; the rest still hear it */ }
        }
    }

    private void Remove(Action<T> listener)
    {
        lock (_gate) _all = [.. _all.Where(l => l != listener)];
    }

    private sealed class Subscription(Listeners<T> owner, Action<T> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Remove(listener);
        }
    }
}
