namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>
/// Syncs the templates once the API has started. A failure (Meta unreachable, a token refused) never stops the start: it
/// is logged and tried again after 30 s, then twice as long each time, up to every 30 minutes, until one sync works.
/// After that, Meta's <c>message_template_status_update</c> webhooks keep the statuses current, and a person can sync
/// again from the Templates page.
/// </summary>
public sealed class TemplateSyncAtStart(TemplateSync sync, TimeProvider clock, ILogger<TemplateSyncAtStart> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sync.SyncAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Meta's words only (TemplateCallException never carries the token); anything else by its type.
                var reason = exception is TemplateCallException ? exception.Message : exception.GetType().Name;
                logger.LogWarning("Syncing the WhatsApp templates failed ({Reason}); trying again in {Wait}", reason, wait);
            }
            try { await Task.Delay(wait, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestRetry.Ticks));
        }
    }
}
