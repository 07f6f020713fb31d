using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Security;

namespace CampaignAdmin.Dashboard.Live.Webhooks;

/// <summary>
/// The API connection page's webhook actions: Admins only (checked here, on the server), every one audited by the secret's first
/// characters (never the secret).
/// </summary>
public sealed class StatusWebhookAdmin(StatusWebhook webhook, AdminAudit audit, CurrentUser currentUser)
{
    /// <summary>Turns webhooks on, or rotates the secret when they are on. The answer holds the secret, whole, this once.</summary>
    public async Task<string> IssueAsync(CancellationToken cancellationToken = default)
    {
        var rotating = await webhook.CurrentAsync(cancellationToken) is not null;
        var action = rotating ? AuditActions.WebhookRotated : AuditActions.WebhookTurnedOn;
        await audit.RequireAsync(Permission.ManageApiKeys, action, "");
        var by = (await currentUser.PrincipalAsync()).Identity?.Name ?? "";
        var (secret, row) = await webhook.IssueAsync(by, cancellationToken);
        await audit.WriteAsync(action, row.Prefix + "…", rotating ? "the old secret stopped working" : "");
        return secret;
    }

    public async Task TurnOffAsync(CancellationToken cancellationToken = default)
    {
        var current = await webhook.CurrentAsync(cancellationToken);
        var target = current is null ? "" : current.Prefix + "…";
        await audit.RequireAsync(Permission.ManageApiKeys, AuditActions.WebhookTurnedOff, target);
        await webhook.TurnOffAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.WebhookTurnedOff, target, "");
    }
}
