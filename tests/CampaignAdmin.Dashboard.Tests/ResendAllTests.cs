using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Campaigns;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>"Resend all failed" on the server: bounded whatever the API answers, "outcome unknown" left out unless included.</summary>
public sealed class ResendAllTests : IAsyncLifetime
{
    private const string OutcomeUnknown = "outcome unknown: the provider did not answer";
    private readonly ManualClock _clock = new();
    private ServerHarness? _harness;

    private ServerHarness Server => _harness ?? throw new InvalidOperationException("StartAsync first.");

    /// <param name="paging">How the API pages (<c>CampaignApi:Paging</c>); learned from its answers by default.</param>
    private async Task<ServerHarness> StartAsync(Action<ResendLimits>? limits = null, ListPaging paging = ListPaging.Auto)
    {
        _harness = await new ServerHarness(services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton(new ApiCapabilities(paging));
            if (limits is not null) s.Configure(limits);
        }).StartAsync();
        Server.Api.Campaigns.Add(new CampaignResponse { Id = 7, Name = "Big sale", Status = CampaignStatus.Completed });
        return Server;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_harness is not null) await _harness.DisposeAsync();
    }

    private async Task<T> AsMarketer<T>(Func<CampaignActions, Task<T>> action)
    {
        await using var scope = Server.As(DashboardRoles.Marketer);
        return await action(scope.ServiceProvider.GetRequiredService<CampaignActions>());
    }

    private static string Key(int i) => $"{i:X30}";

    /// <summary>600 messages, every fifth FAILED; of those, every fifth "outcome unknown" and every fifth (offset) without a key.</summary>
    private void SeedMixed()
    {
        for (var i = 0; i < 600; i++)
        {
            var failed = i % 5 == 0;
            Server.Api.Messages.Add(new CampaignMessage
            {
                MessageKey = failed && i % 25 == 5 ? "" : Key(i), CampaignId = 7, AccountId = $"+9665390{i:D5}", Status = failed ? "FAILED" : "DELIVERED",
                Error = failed ? (i % 25 == 0 ? OutcomeUnknown : "Message undeliverable") : "", ErrorCode = failed && i % 25 != 0 ? 131026 : 0,
            });
        }
    }

    [Fact]
    public async Task AgainstAServerThatIgnoresOffsetAndStatusItReadsOneWindowCoversEveryMessageAndLeavesOutOutcomeUnknown()
    {
        await StartAsync();
        SeedMixed();
        Server.Api.IgnoresExtensions = true;

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7));

        // The first page (500, no X-Total-Count) shows a server that pages no further: its window (all 600) comes next.
        Assert.Equal(2, Server.Api.MessageCalls);
        var expected = Enumerable.Range(0, 600).Where(i => i % 5 == 0 && i % 25 is not 0 and not 5).Select(Key).ToList();
        Assert.Equal(expected, Server.Api.Resent);
        Assert.Equal("Resent 72 of 72 failed messages. Left out 24 \"outcome unknown\" messages. " +
                     "24 failed messages can't be resent: the API gave no message key. " +
                     "Checked all 600 messages this API returned (it doesn't page, so the dashboard read them at once).",
            result.Summary);
        Assert.False(result.Plan.MayHaveMore);
        var entry = Assert.Single((await Server.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(CampaignId: 7), 0, 10)).Items);
        Assert.Equal((AuditActions.ResendAllFailed, result.Summary), (entry.Action, entry.Details));
    }

    [Fact]
    public async Task OnceTheServerIsKnownToPageNoFurtherOneWindowCallIsAll()
    {
        await StartAsync(paging: ListPaging.Window);
        SeedMixed();
        Server.Api.IgnoresExtensions = true;

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7));

        Assert.Equal(1, Server.Api.MessageCalls);
        Assert.Equal(72, Server.Api.Resent.Count);
        Assert.EndsWith("Checked all 600 messages this API returned (it doesn't page, so the dashboard read them at once).", result.Summary);
    }

    [Fact]
    public async Task AFullWindowEndsItAndSaysThereMayBeMore()
    {
        await StartAsync();
        SeedFailed(12_000);
        Server.Api.IgnoresExtensions = true;

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7));

        // 500, then the window of 10,000 (the 500 again and 9,500 more): the 2,000 after them this server will not give.
        Assert.Equal(2, Server.Api.MessageCalls);
        Assert.Equal(10_000, Server.Api.Resent.Count);
        Assert.Equal("Resent 10,000 of 10,000 failed messages. This API gives at most 10,000 messages at once and pages no further, " +
                     "so only those were checked; there may be more failed messages.", result.Summary);
    }

    [Fact]
    public async Task OutcomeUnknownMessagesAreResentOnlyWhenIncluded()
    {
        await StartAsync();
        SeedMixed();

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7, includeOutcomeUnknown: true));

        Assert.Equal(96, Server.Api.Resent.Count); // 120 failed, 24 without a key
        Assert.Contains(Key(0), Server.Api.Resent);
        Assert.Equal("Resent 96 of 96 failed messages. That includes 24 \"outcome unknown\" messages, on purpose. " +
                     "24 failed messages can't be resent: the API gave no message key.", result.Summary);
    }

    [Fact]
    public async Task AServerThatNeverRunsOutStopsAtTheMessageLimit()
    {
        await StartAsync(paging: ListPaging.Server); // pages by offset, never says a total
        Endless();

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7));

        Assert.Equal(20, Server.Api.MessageCalls);
        Assert.Equal(10_000, Server.Api.Resent.Count);
        Assert.Equal("Resent 10,000 of 10,000 failed messages. Stopped looking after 10,000 messages (the limit); there may be more failed messages.", result.Summary);
    }

    [Fact]
    public async Task TheCallLimitComesFromTheOptions()
    {
        await StartAsync(l => l.Collect = new PagingLimits { PageSize = 10, MaxCalls = 3 }, ListPaging.Server);
        Endless();

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7));

        Assert.Equal(3, Server.Api.MessageCalls);
        Assert.Equal("Resent 30 of 30 failed messages. Stopped looking after 3 API calls (the limit) and 30 messages; there may be more failed messages.", result.Summary);
    }

    [Fact]
    public async Task LookingStopsAtItsTimeLimit()
    {
        await StartAsync(l => l.Collect = new PagingLimits { PageSize = 100, MaxTime = TimeSpan.FromMinutes(2) }, ListPaging.Server);
        Endless(perCall: TimeSpan.FromMinutes(1));

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7));

        Assert.Equal(2, Server.Api.MessageCalls);
        Assert.Equal("Resent 200 of 200 failed messages. Stopped looking after 2 minutes (the limit) and 200 messages; there may be more failed messages.", result.Summary);
    }

    [Fact]
    public async Task SendingStopsAtItsTimeLimitAndSaysWhatWasLeft()
    {
        await StartAsync(l => l.MaxSendTime = TimeSpan.FromMinutes(10));
        SeedFailed(3);
        Server.Api.OnResend = request => { _clock.Advance(TimeSpan.FromMinutes(6)); return Task.FromResult(Server.Api.Submitted(request.MessageKey)); };

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7));

        Assert.Equal([Key(0), Key(1)], Server.Api.Resent);
        Assert.Equal("Resent 2 of 3 failed messages. Stopped after 10 minutes (the limit): 1 message not sent.", result.Summary);
    }

    [Fact]
    public async Task RefusalsAreSaidForTheRecipientAndTheSameOnesAreCountedOnce()
    {
        await StartAsync();
        SeedFailed(4);
        var calls = 0;
        Server.Api.OnResend = async request => ++calls switch
        {
            1 => Server.Api.Submitted(request.MessageKey),
            4 => throw await FakeCampaignApi.Error(System.Net.HttpStatusCode.BadGateway, "(131047) Re-engagement message"),
            _ => throw await FakeCampaignApi.Error(System.Net.HttpStatusCode.BadGateway, "(131026) Message undeliverable"),
        };

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7));

        Assert.Equal(
            "Resent 1 of 4 failed messages. 3 failed again. Not resent: the recipient isn't on WhatsApp (131026) (×2). " +
            "Not resent: more than 24 hours passed since the recipient last replied, so only an approved template can be sent (131047).",
            result.Summary);
    }

    [Fact]
    public async Task CancellingStopsBeforeTheNextMessage()
    {
        await StartAsync();
        SeedFailed(3);
        using var cancel = new CancellationTokenSource();

        var result = await AsMarketer(a => a.ResendAllFailedAsync(7, progress: (done, _) => { if (done == 1) cancel.Cancel(); return Task.CompletedTask; },
            cancellationToken: cancel.Token));

        Assert.Equal([Key(0)], Server.Api.Resent);
        Assert.Equal("Resent 1 of 3 failed messages. Cancelled: 2 messages not sent.", result.Summary);
    }

    [Fact]
    public async Task WhileOneRunsASecondRunIsRefusedAndItsMessageCannotBeResentFromARow()
    {
        await StartAsync();
        SeedFailed(2);
        var gate = new TaskCompletionSource<CampaignMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.Api.OnResend = _ => gate.Task;
        await using var firstTab = Server.As(DashboardRoles.Marketer);
        var first = firstTab.ServiceProvider.GetRequiredService<CampaignActions>().ResendAllFailedAsync(7);

        // Bounded: one that reached the API would wait on the same gate.
        var again = await Assert.ThrowsAsync<ActionRefusedException>(() => AsMarketer(a => a.ResendAllFailedAsync(7)).WaitAsync(TimeSpan.FromSeconds(10)));
        var row = await Assert.ThrowsAsync<ActionRefusedException>(() => AsMarketer(a => a.ResendAsync(7, Key(0))).WaitAsync(TimeSpan.FromSeconds(10)));
        Server.Api.OnResend = request => Task.FromResult(Server.Api.Submitted(request.MessageKey));
        gate.SetResult(Server.Api.Submitted(Key(0)));
        var result = await first;

        Assert.Equal("A resend of all failed messages of this campaign is already in progress.", again.Message);
        Assert.Equal("A resend of this message is already in progress.", row.Message);
        Assert.Equal([Key(0), Key(1)], Server.Api.Resent);
        Assert.Equal("Resent 2 of 2 failed messages.", result.Summary);
    }

    private void SeedFailed(int count)
    {
        for (var i = 0; i < count; i++)
            Server.Api.Messages.Add(new CampaignMessage { MessageKey = Key(i), CampaignId = 7, AccountId = $"+9665390{i:D5}", Status = "FAILED", Error = "Message undeliverable" });
    }

    // Fresh FAILED messages on every call, as many as asked, forever.
    private void Endless(TimeSpan? perCall = null)
    {
        var next = 0;
        Server.Api.MessageSource = (size, _) =>
        {
            if (perCall is { } step) _clock.Advance(step);
            return Enumerable.Range(0, size ?? 100).Select(_ => new CampaignMessage { MessageKey = Key(next++), CampaignId = 7, Status = "FAILED" }).ToList();
        };
        Server.Api.OnResend = request => Task.FromResult(new CampaignMessage { MessageKey = request.MessageKey, Status = "SUBMITTED" });
    }
}
