using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignAdmin.ServiceDefaults.Health;

/// <summary>Ready when the database answers and every migration of <typeparamref name="TContext"/> is applied.</summary>
public sealed class MigratedDatabaseCheck<TContext>(IDbContextFactory<TContext> contexts) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.CanConnectAsync(cancellationToken)) return HealthCheckResult.Unhealthy("the database does not answer");
        return (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
            ? HealthCheckResult.Unhealthy("migrations are pending")
            : HealthCheckResult.Healthy();
    }
}
