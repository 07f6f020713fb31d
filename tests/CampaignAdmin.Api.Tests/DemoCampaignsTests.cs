using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignAdmin.Api.Tests;

public sealed class DemoCampaignsTests(DemoCampaignsFactory factory) : IClassFixture<DemoCampaignsFactory>
{
    private readonly ICampaignApi _api = factory.Campaigns();

    [Fact]
    public async Task AFirstRunHasDemoCampaignsSentByTheSandboxWithAFailureToResend()
    {
        var campaigns = await Eventually.UntilAsync(AllAsync, all => all.Count(c => c.Status == CampaignStatus.Completed) == 3, what: "three sent demo campaigns");

        Assert.Equal(["Holiday greeting", "Order confirmations", "Welcome back offer", "شحن الطلبات"], campaigns.Select(c => c.Name).Order(StringComparer.Ordinal));
        var scheduled = Assert.Single(campaigns, c => c.Status == CampaignStatus.Scheduled);
        Assert.Equal(("Holiday greeting", 15), (scheduled.Name, scheduled.Total));
        Assert.True(SendAtFormat.TryParse(scheduled.SendAt, out var sendAt) && sendAt > DateTimeOffset.UtcNow.AddDays(2));

        var orders = campaigns.Single(c => c.Name == "Order confirmations");
        Assert.Equal((12, 2), (orders.Total, orders.FailedCount));
        var failed = await _api.MessagesAsync(orders.Id, "FAILED");
        Assert.Equal([(131026, "+966500040000"), (131049, "+966500090001")], failed.Select(m => (m.ErrorCode, m.AccountId)).Order());
        var resent = await _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = failed.Single(m => m.ErrorCode == 131049).MessageKey });
        Assert.Equal("SUBMITTED", resent.Status);
    }

    private async Task<IReadOnlyList<CampaignResponse>> AllAsync() => (await _api.GetCampaignPageAsync(0, 100)).Items;

    [Fact]
    public async Task TheDemoCampaignsAreSeededOnceNotOnEveryStart()
    {
        await using var db = await factory.DbAsync();
        var before = db.Campaigns.Count();

        // A restart runs the initializer again on the same database.
        await factory.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single().StartAsync(CancellationToken.None);

        Assert.Equal((4, 4), (before, db.Campaigns.Count()));
    }
}
