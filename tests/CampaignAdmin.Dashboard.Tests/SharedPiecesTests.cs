using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Components.Shared;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The two pieces every live page and server grid share.</summary>
public sealed class SharedPiecesTests
{
    [Fact]
    public async Task LiveRefreshKeepsRefreshingWhileLiveEvenAfterARefreshThrows()
    {
        using var live = new LiveRefresh(TimeSpan.FromMilliseconds(20));
        var calls = 0;
        var third = new TaskCompletionSource();
        live.Start(() => true, () =>
        {
            if (Interlocked.Increment(ref calls) == 3) third.TrySetResult();
            return calls == 1 ? throw new HttpRequestException("down") : Task.CompletedTask;
        });

        await third.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(calls >= 3);
    }

    [Fact]
    public async Task LiveRefreshAsksWhetherItIsLiveAndStopsWhenDisposed()
    {
        var live = new LiveRefresh(TimeSpan.FromMilliseconds(20));
        var asked = new TaskCompletionSource();
        var refreshed = 0;
        live.Start(() => { asked.TrySetResult(); return false; }, () => { refreshed++; return Task.CompletedTask; });
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(10));

        live.Dispose();

        Assert.Equal(0, refreshed);
        Assert.Throws<ObjectDisposedException>(() => live.Stopping);
    }

    [Fact]
    public async Task ServerPagesReturnsThePageOrAnEmptyGridWithTheReasonInWords()
    {
        var pages = new ServerPages<string>();

        var loaded = await pages.LoadAsync(() => Task.FromResult(new Page<string>(["a", "b"], 7)), CancellationToken.None);
        Assert.Equal(["a", "b"], loaded.Items);
        Assert.Equal((7, (string?)null), (loaded.TotalItems, pages.Error));

        var failed = await pages.LoadAsync(() => throw new HttpRequestException("Connection refused"), CancellationToken.None);
        Assert.Equal((0, 0), (failed.Items.Count(), failed.TotalItems));
        Assert.Equal(ApiErrors.Describe(new HttpRequestException("Connection refused")), pages.Error);
    }
}
