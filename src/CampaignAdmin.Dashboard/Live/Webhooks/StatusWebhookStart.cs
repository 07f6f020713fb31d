namespace CampaignAdmin.Dashboard.Live.Webhooks;

/// <summary>On start, after the database is migrated: read whether webhooks are on, so open pages know they are live from the first one.</summary>
internal sealed class StatusWebhookStart(StatusWebhook webhook) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => webhook.CurrentAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
