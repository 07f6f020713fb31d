using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>
/// Applies <c>message_template_status_update</c> events: the template of that name and language takes the new status,
/// in every company (one business account serves this deployment, see README "Webhooks and templates"). An event for
/// a template we do not have yet is left to the next sync, which brings the template with its components.
/// </summary>
public sealed class TemplateStatusUpdates(IDbContextFactory<CampaignDb> contexts, ILogger<TemplateStatusUpdates> logger)
{
    public async Task<int> ApplyAsync(IReadOnlyList<TemplateEvent> events, CancellationToken cancellationToken)
    {
        var changed = 0;
        if (events.Count == 0) return changed;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var update in events)
        {
            if (MetaTemplateStatus.ToOurs(update.Event) is not { } status) continue;
            var language = MetaTemplateStatus.Language(update.Language);
            var rows = await db.Templates.Where(t => t.Name == update.Name && t.Language == language && t.Status != status)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, status), cancellationToken);
            if (rows > 0)
                logger.LogInformation("Template {Name} ({Language}) is {Status} (WhatsApp: {Event} {Reason})",
                    update.Name, language, status, update.Event, update.Reason);
            changed += rows;
        }
        return changed;
    }
}
