using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Web;

/// <summary>
/// Embedded mode: the API's committed status changes become the dashboard's live updates. Only the company whose key the
/// dashboard uses is heard (resolved once, at start), so another tenant's traffic never reaches these pages. Registered
/// after the API's database initializer, so the key (and the demo company) exist when it starts.
/// </summary>
public sealed class LiveBridge(
    MessageEvents events,
    LiveUpdates live,
    IDbContextFactory<CampaignDb> contexts,
    IOptions<CampaignApiOptions> options,
    ILogger<LiveBridge> logger) : IHostedService
{
    private IDisposable? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = options.Value.ApiKey;
        if (string.IsNullOrEmpty(key) || await ApiKeys.FindAsync(db, key, cancellationToken) is not { } caller)
        {
            // Pages then poll, and say so.
            logger.LogWarning("Live updates are off: the dashboard's API key is not a working key of the embedded API");
            return;
        }
        Listen(caller.CompanyId);
    }

    /// <summary>Publishes the changes of <paramref name="companyId"/> and makes the embedded API a push source.</summary>
    public void Listen(int companyId)
    {
        _subscription = events.Subscribe(change =>
        {
            if (change.CompanyId != companyId) return;
            live.Publish(new StatusChange(change.CampaignId, change.MessageKey, change.Status?.ToWire(), LiveSources.Embedded));
        });
        live.AddSource(LiveSources.Embedded);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        live.RemoveSource(LiveSources.Embedded);
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
