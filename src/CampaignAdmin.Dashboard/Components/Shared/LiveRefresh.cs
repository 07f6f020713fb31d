namespace CampaignAdmin.Dashboard.Components.Shared;

/// <summary>
/// "Refresh this while it is live": a component owns one, starts it once it has loaded, and disposes it with itself.
/// Every <see cref="Interval"/> it asks <c>isLive</c> and, while that holds, runs <c>refresh</c> (on the component's
/// dispatcher: pass <c>() => InvokeAsync(…)</c>). <see cref="Stopping"/> is cancelled when the page is left, so the
/// component's own API calls stop with it. A refresh handles its own failures (they show on the page); one that
/// escapes anyway does not end the loop.
/// </summary>
public sealed class LiveRefresh(TimeSpan interval) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private bool _started;

    public TimeSpan Interval { get; } = interval;

    /// <summary>Cancelled once the owner is disposed.</summary>
    public CancellationToken Stopping => _stop.Token;

    /// <summary>Starts the loop (once; later calls do nothing). It runs in the background until <see cref="Dispose"/>.</summary>
    public void Start(Func<bool> isLive, Func<Task> refresh)
    {
        if (_started || _stop.IsCancellationRequested) return;
        _started = true;
        _ = RunAsync(isLive, refresh);
    }

    private async Task RunAsync(Func<bool> isLive, Func<Task> refresh)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (!isLive()) continue;
                try
                {
                    await refresh();
                }
                catch (Exception) when (!_stop.IsCancellationRequested)
                {
                    // A failed refresh shows its own error on the page; the next tick tries again.
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

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
