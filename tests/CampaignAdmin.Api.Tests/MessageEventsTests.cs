using System.Collections.Concurrent;
using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>Issue 11: every committed status change is raised (one event per campaign per write) with its campaign and company.</summary>
public sealed class MessageEventsTests(NoSandboxReceiptsFactory factory) : IClassFixture<NoSandboxReceiptsFactory>
{
    private readonly Client.ICampaignApi _api = factory.Campaigns();

    private sealed class Heard : IDisposable
    {
        private readonly ConcurrentQueue<MessageStatusChanged> _events = new();
        private readonly IDisposable _subscription;

        public Heard(MessageEvents events, Func<MessageStatusChanged, bool>? filter = null) =>
            _subscription = events.Subscribe(e => { if (filter?.Invoke(e) != false) _events.Enqueue(e); });

        public List<MessageStatusChanged> Of(int campaignId) => _events.Where(e => e.CampaignId == campaignId).ToList();

        public async Task<List<MessageStatusChanged>> UntilAsync(int campaignId, Func<List<MessageStatusChanged>, bool> done, string what) =>
            await Eventually.UntilAsync(() => Task.FromResult(Of(campaignId)), done, what: what);

        public void Dispose() => _subscription.Dispose();
    }

    private async Task<int> CompanyOfAsync(string key)
    {
        await using var db = await factory.DbAsync();
        return (await ApiKeys.FindAsync(db, key, default))!.CompanyId;
    }

    [Fact]
    public async Task HandOverAndOutcomesRaiseEventsForTheCampaignAndItsCompany()
    {
        using var heard = new Heard(factory.Service<MessageEvents>());
        var demo = await CompanyOfAsync(ApiFactory.DemoKey);

        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539072002", "+966501720000"]));

        // One event per campaign per write: the claim (both SENDING), their outcomes (one SUBMITTED, one FAILED: mixed), created and completed.
        var events = await heard.UntilAsync(campaign.Id, e => e.Count(x => x.Count == 0) >= 2, "created, hand-over, outcomes and completion");
        Assert.All(events, e => Assert.Equal(demo, e.CompanyId));
        Assert.Equal([(null, MessageStatus.Sending, 2), (null, null, 2)],
            events.Where(e => e.Count > 0).Select(e => (e.MessageKey, e.Status, e.Count)).ToList());
        Assert.Equal(2, events.Count(e => e is { Count: 0, MessageKey: null, Status: null }));
    }

    [Fact]
    public async Task AnOutcomeOfOneMessageNamesItAndItsStatus()
    {
        using var heard = new Heard(factory.Service<MessageEvents>());
        // A number ending 0000 fails; with the other one also failing every message of the batch ends FAILED.
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966501730000", "+966501740000"]));

        var events = await heard.UntilAsync(campaign.Id, e => e.Count(x => x.Count == 0) >= 2, "outcomes and completion");
        Assert.Contains(events, e => e is { Status: MessageStatus.Failed, Count: 2, MessageKey: null });
    }

    [Fact]
    public async Task AReceiptRaisesAnEventNamingItsMessage()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539072004", "+966501740000"]));
        await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed, what: "completion");
        var message = (await _api.MessagesAsync(campaign.Id, "SUBMITTED")).Single();
        using var heard = new Heard(factory.Service<MessageEvents>());

        await factory.Service<MessageStore>().ApplyReceiptsAsync([new Receipt(message.ProviderMessageId, MessageStatus.Read, DateTimeOffset.UtcNow)], default);

        var read = Assert.Single(heard.Of(campaign.Id));
        Assert.Equal((message.MessageKey, MessageStatus.Read, 1, await CompanyOfAsync(ApiFactory.DemoKey)), (read.MessageKey, read.Status, read.Count, read.CompanyId));
    }

    [Fact]
    public async Task AResendRaisesSendingThenItsOutcomeForThatMessage()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966501750001", "+966539072006"]));
        await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed, what: "completion");
        var failed = (await _api.MessagesAsync(campaign.Id, "FAILED")).Single();
        using var heard = new Heard(factory.Service<MessageEvents>());

        await _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = failed.MessageKey });

        var events = heard.Of(campaign.Id);
        Assert.Equal([(failed.MessageKey, MessageStatus.Sending), (failed.MessageKey, MessageStatus.Submitted)],
            events.Select(e => (e.MessageKey, e.Status)).ToList());
    }

    [Fact]
    public async Task AnotherCompanysTrafficNeverReachesAListenerForTheDemoCompany()
    {
        var demo = await CompanyOfAsync(ApiFactory.DemoKey);
        var (otherCompany, otherKey) = await factory.CreateCompanyAsync("Other tenant");
        using var all = new Heard(factory.Service<MessageEvents>());
        using var demoOnly = new Heard(factory.Service<MessageEvents>(), e => e.CompanyId == demo);
        var other = factory.Campaigns(otherKey);
        // Their own JSON: the demo company's template is not theirs.
        var request = OrderConfirmation(numbers: ["+966539072008", "+966501780000"]);
        (request.TempMsgId, request.Message) = ("", "Hello");
        request.Json = """{"to":"<accountID>","type":"template","template":{"name":"custom","language":{"code":"en"},"components":[]}}""";

        var theirs = await other.CreateCampaignAsync(request);
        await Eventually.UntilAsync(() => other.CampaignAsync(theirs.Id), c => c.Status == CampaignStatus.Completed, what: "their completion");
        await other.DeleteCampaignAsync(new DeleteCampaignRequest { Id = theirs.Id });

        var events = await all.UntilAsync(theirs.Id, e => e.Count(x => x.Count == 0) >= 3, "their created, completed and deleted");
        Assert.All(events, e => Assert.Equal(otherCompany, e.CompanyId));
        Assert.Empty(demoOnly.Of(theirs.Id));
    }
}
