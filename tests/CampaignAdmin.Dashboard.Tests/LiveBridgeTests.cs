using CampaignAdmin.Api.Sending;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Live;
using CampaignAdmin.Web;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Embedded mode: the API's events reach the dashboard's pages only for the dashboard's own company.</summary>
public sealed class LiveBridgeTests
{
    [Fact]
    public void OnlyTheDashboardsCompanyIsPublishedAndTheEmbeddedApiBecomesAPushSource()
    {
        var events = new MessageEvents(null!);
        var live = new LiveUpdates();
        var heard = new List<StatusChange>();
        using var listening = live.Subscribe(heard.Add);
        var bridge = new LiveBridge(events, live, null!, Options.Create(new CampaignApiOptions()), NullLogger<LiveBridge>.Instance);

        bridge.Listen(companyId: 7);
        events.Raise(new MessageStatusChanged(8, 40, "B0000000000000000000000000000B", MessageStatus.Delivered, 1));
        events.Raise(new MessageStatusChanged(7, 41, "A0000000000000000000000000000A", MessageStatus.Read, 1));

        Assert.Equal([new StatusChange(41, "A0000000000000000000000000000A", "READ", LiveSources.Embedded)], heard);
        Assert.True(live.IsPushed);
        Assert.Equal([LiveSources.Embedded], live.Sources);
    }
}
