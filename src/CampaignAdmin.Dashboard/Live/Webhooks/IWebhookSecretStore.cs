using CampaignAdmin.Dashboard.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Dashboard.Live.Webhooks;

/// <summary>Where the one webhook secret's hash lives: the dashboard database (shared by every dashboard instance on it).</summary>
public interface IWebhookSecretStore
{
    Task<WebhookSecretRow?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the secret (<paramref name="row"/>), or turns webhooks off (<c>null</c>).</summary>
    Task SetAsync(WebhookSecretRow? row, CancellationToken cancellationToken = default);
}

public sealed class DbWebhookSecretStore(IDbContextFactory<DashboardDb> contexts) : IWebhookSecretStore
{
    public async Task<WebhookSecretRow?> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookSecrets.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SetAsync(WebhookSecretRow? row, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One transaction: a rotation never leaves a moment (or, after a crash, a database) with no secret at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.WebhookSecrets.ExecuteDeleteAsync(cancellationToken);
        if (row is not null)
        {
            db.WebhookSecrets.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
