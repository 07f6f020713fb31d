using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// A stop in the middle of a paced campaign: the slots with the provider finish and are recorded, and what was claimed
/// but not yet handed over goes back to the queue at once, with its attempt given back (it was never tried).
/// </summary>
public sealed class DispatcherStopTests(PacedFactory factory) : IClassFixture<PacedFactory>
{
    [Fact]
    public async Task AStopMidCampaignLeavesNothingSendingAndEveryUnsentMessagePendingAsItWas()
    {
        var api = factory.Campaigns();
        var numbers = Enumerable.Range(0, 40).Select(i => $"+96653908{5000 + i * 2}").ToArray();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: numbers));
        await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.SentCount >= 3, what: "some sends");

        var dispatcher = factory.Services.GetServices<IHostedService>().OfType<Dispatcher>().Single();
        await dispatcher.StopAsync(CancellationToken.None);

        var ledger = factory.Ledger();
        Assert.Equal((0L, 0L), await ledger.InFlightAsync());
        var rows = await ledger.RowsAsync();
        Assert.Equal(40, rows.Count);
        Assert.All(rows, row => Assert.InRange(row.Sends, 0, 1));
        Assert.All(rows.Where(row => row.Sends == 0), row => Assert.Equal((MessageStatus.Pending, 0), (row.Status, row.Attempts)));
        Assert.InRange(rows.Count(row => row.Sends == 1), 3, 39);
    }
}
