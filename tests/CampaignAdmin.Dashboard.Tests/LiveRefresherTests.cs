using CampaignAdmin.Dashboard.Live;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>How an open page decides when to re-read: back-off without push, coalescing with it.</summary>
public sealed class LiveRefresherTests
{
    [Fact]
    public void PollingBacksOffFromTwoSecondsToThirtyWhileNothingChanges()
    {
        var pace = LivePace.Default;
        var intervals = new List<double>();
        var interval = pace.First;
        for (var i = 0; i < 6; i++)
        {
            intervals.Add(interval.TotalSeconds);
            interval = pace.After(interval, changed: false);
        }

        Assert.Equal([2, 4, 8, 16, 30, 30], intervals);
        Assert.Equal(TimeSpan.FromSeconds(8), pace.After(TimeSpan.FromSeconds(8), changed: true));
        Assert.Equal(TimeSpan.FromSeconds(60), pace.Slow);
    }

    [Fact]
    public void ACostlyReReadStartsItsPollingLater()
    {
        var pace = LivePace.Default.StartingAt(TimeSpan.FromSeconds(5));

        Assert.Equal((5, 30), (pace.First.TotalSeconds, pace.Max.TotalSeconds));
        Assert.Same(LivePace.Default, LivePace.Default.StartingAt(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task WithoutPushAnUnderwayPagePollsLessAndLessOften()
    {
        var hub = new LiveUpdates();
        var refreshes = 0;
        using var live = new LiveRefresher(hub, TimeProvider.System,
            new LivePace(TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(640), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(10)));
        live.Start(new LiveRefresher.Options(_ => true, () => LiveNeed.Underway,
            () => { Interlocked.Increment(ref refreshes); return Task.FromResult(false); }, "final", () => { }));

        await Task.Delay(1500);

        // 40 + 80 + 160 + 320 + 640 ms: five polls in 1.24 s (a fixed 40 ms would be 37).
        Assert.InRange(Volatile.Read(ref refreshes), 3, 6);
        Assert.Equal("Refreshing every 1 s: this Campaign API sends no live updates.", live.Text);
    }

    [Fact]
    public async Task WithoutPushAFinalPageDoesNotPollAndSaysSo()
    {
        var hub = new LiveUpdates();
        var refreshes = 0;
        using var live = new LiveRefresher(hub, TimeProvider.System,
            new LivePace(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(10)));
        live.Start(new LiveRefresher.Options(_ => true, () => LiveNeed.Final,
            () => { Interlocked.Increment(ref refreshes); return Task.FromResult(false); }, LiveTexts.CampaignFinal, () => { }));

        await Task.Delay(300);

        Assert.Equal(0, Volatile.Read(ref refreshes));
        Assert.Equal("Not live: every message is final.", live.Text);
    }

    [Fact]
    public async Task PushedChangesAreCoalescedToOneReReadInFlightAndOnePending()
    {
        var hub = new LiveUpdates();
        hub.AddSource(LiveSources.Embedded);
        var (refreshes, inFlight, overlapped) = (0, 0, false);
        using var live = new LiveRefresher(hub, TimeProvider.System);
        live.Start(new LiveRefresher.Options(change => change.MayConcern(5), () => LiveNeed.Underway, async () =>
        {
            if (Interlocked.Increment(ref inFlight) > 1) overlapped = true;
            Interlocked.Increment(ref refreshes);
            await Task.Delay(50);
            Interlocked.Decrement(ref inFlight);
            return true;
        }, "final", () => { }));

        // A second of a 1,000 messages/s dispatch.
        for (var i = 0; i < 1000; i++)
        {
            hub.Publish(new StatusChange(5, null, "SUBMITTED", LiveSources.Embedded));
            if (i % 100 == 99) await Task.Delay(100);
        }
        await Task.Delay(700);

        Assert.False(overlapped);
        // At most one re-read per 250 ms, plus the last one after the burst.
        Assert.InRange(Volatile.Read(ref refreshes), 2, 7);
        var settled = Volatile.Read(ref refreshes);
        await Task.Delay(600);
        Assert.Equal(settled, Volatile.Read(ref refreshes)); // no polling while nothing changes
        Assert.Equal("Live: changes appear as they happen.", live.Text);
    }

    [Fact]
    public async Task WithOnlyWebhooksAnUnderwayPageIsLiveAndStillChecksTheCampaignAtTheSlowestPace()
    {
        var hub = new LiveUpdates();
        hub.AddSource(LiveSources.Webhook);
        var refreshes = 0;
        using var live = new LiveRefresher(hub, TimeProvider.System,
            new LivePace(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(10)));
        live.Start(new LiveRefresher.Options(_ => true, () => LiveNeed.Underway,
            () => { Interlocked.Increment(ref refreshes); return Task.FromResult(false); }, LiveTexts.CampaignFinal, () => { }));

        // The first poll comes at Max (50 ms), not at First (30 s): only a safety check while webhooks push the messages.
        await WaitUntilAsync(() => Volatile.Read(ref refreshes) >= 2);

        Assert.Equal("Live: messages change as the API's webhooks arrive; the campaign is read again every 1 s as well.", live.Text);
        Assert.False(hub.PushesEverything);
    }

    [Fact]
    public async Task WithOnlyWebhooksAFinalPageIsLiveAndDoesNotPoll()
    {
        var hub = new LiveUpdates();
        hub.AddSource(LiveSources.Webhook);
        var refreshes = 0;
        using var live = new LiveRefresher(hub, TimeProvider.System,
            new LivePace(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(10)));
        live.Start(new LiveRefresher.Options(_ => true, () => LiveNeed.Slow,
            () => { Interlocked.Increment(ref refreshes); return Task.FromResult(false); }, LiveTexts.CampaignFinal, () => { }));

        hub.Publish(new StatusChange(null, "k1", "READ", LiveSources.Webhook));
        await WaitUntilAsync(() => Volatile.Read(ref refreshes) == 1);
        await Task.Delay(200); // a slow page would poll every 20 ms here: nothing more may come

        Assert.Equal(1, Volatile.Read(ref refreshes));
        Assert.Equal(LiveTexts.Live, live.Text);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 15 s");
            await Task.Delay(10);
        }
    }
}
