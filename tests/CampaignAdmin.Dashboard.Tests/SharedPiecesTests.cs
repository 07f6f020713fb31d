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
    public async Task ServerPagesHoldsThePageOrNoRowsWithTheReasonInWords()
    {
        var pages = new ServerPages<string>(5) { PageIndex = 1 };
        ListQuery? asked = null;
        var shown = 0;

        await pages.LoadAsync((query, _) => { asked = query; return Task.FromResult(new Page<string>(["a", "b"], 7)); }, () => shown++, "FAILED");
        Assert.Equal(new ListQuery(5, 5, "FAILED"), asked);
        Assert.Equal(["a", "b"], pages.Items);
        Assert.Equal((7, (string?)null, false, true, 2), (pages.Total, pages.Error, pages.Loading, pages.Loaded, shown));

        await pages.LoadAsync((_, _) => throw new HttpRequestException("Connection refused"), () => shown++);
        Assert.Equal((0, 0), (pages.Items.Count, pages.Total));
        Assert.Equal(ApiErrors.Describe(new HttpRequestException("Connection refused")), pages.Error);
    }

    [Fact]
    public async Task ANewerLoadReplacesASlowerOneAndTheSlowAnswerIsNeverShown()
    {
        var pages = new ServerPages<string>(20);
        var slow = new TaskCompletionSource<Page<string>>();
        var first = pages.LoadAsync((_, token) => slow.Task.WaitAsync(token), () => { });
        Assert.True(pages.Loading);

        await pages.LoadAsync((_, _) => Task.FromResult(new Page<string>(["new"], 1)), () => { });
        slow.SetResult(new Page<string>(["old"], 1));
        await first;

        Assert.Equal(["new"], pages.Items);
        Assert.False(pages.Loading);
    }
}
