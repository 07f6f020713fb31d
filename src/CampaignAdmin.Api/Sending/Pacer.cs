using System.Diagnostics;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Keeps the average rate at or below the configured messages per second; 0 is unpaced. The dispatcher waits for a
/// slot first and claims after, so nothing it holds waits for the pace.
/// </summary>
internal sealed class Pacer(int perSecond)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _nextFreeSeconds;

    /// <summary>Paced batches are a fifth of a second's worth, so the rate stays smooth.</summary>
    public int BatchSize(int max) => perSecond <= 0 ? max : Math.Clamp(perSecond / 5, 1, max);

    /// <summary>Until the next batch may go out.</summary>
    public async Task WaitForSlotAsync(CancellationToken cancellationToken)
    {
        if (perSecond <= 0) return;
        var wait = _nextFreeSeconds - _clock.Elapsed.TotalSeconds;
        if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
    }

    /// <summary>A batch of <paramref name="count"/> goes out now.</summary>
    public void Use(int count)
    {
        if (perSecond <= 0 || count == 0) return;
        _nextFreeSeconds = Math.Max(_nextFreeSeconds, _clock.Elapsed.TotalSeconds) + count / (double)perSecond;
    }
}
