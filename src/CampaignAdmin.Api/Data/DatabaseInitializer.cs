using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Data;

/// <summary>Creates or migrates the schema on start, then seeds the demo company (and its campaigns) where configured.</summary>
internal sealed class DatabaseInitializer(
    IDbContextFactory<CampaignDb> contexts,
    CampaignDatabase database,
    IOptions<DemoOptions> demo,
    IHostEnvironment environment,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await CheckConnectionAsync(db, database, cancellationToken);
        await db.MigrateSchemaAsync(cancellationToken);
        // SQLite is one process's; PostgreSQL may be shared by several API instances, one of them mid-create right now.
        var startedBefore = database.IsSqlite ? DateTimeOffset.MaxValue : clock.GetUtcNow() - CampaignWriter.AbandonedAfter;
        if (await CampaignWriter.RemoveUnfinishedAsync(db, startedBefore, cancellationToken) is > 0 and var removed)
            logger.LogWarning("Removed {Count} campaign(s) whose create was cut short by a stop or crash", removed);
        var demoCompany = await DemoSeeder.SeedAsync(db, demo.Value, environment.IsDevelopment(), logger, cancellationToken);
        if (demoCompany is not null && demo.Value.Campaigns && !Sending.MessagingServices.IsSandbox(configuration))
        {
            // Their numbers are made up: only the sandbox may "send" them, never a real provider.
            logger.LogWarning("Demo campaigns are not created: {Setting} is not the sandbox", Sending.MessagingServices.ProviderSetting);
        }
        else if (demoCompany is { } companyId && demo.Value.Campaigns)
        {
            await using var scope = scopes.CreateAsyncScope();
            await DemoSeeder.SeedCampaignsAsync(scope.ServiceProvider.GetRequiredService<CampaignCreator>(), companyId, clock.GetUtcNow(), logger, cancellationToken);
        }
    }

    /// <summary>A wrong or unreachable database stops the start (and the migrate command) with a sentence naming the settings.</summary>
    internal static Task CheckConnectionAsync(CampaignDb db, CampaignDatabase database, CancellationToken cancellationToken) =>
        DatabaseSettings.CheckConnectionAsync(db.Database.GetDbConnection(), database.CannotOpen, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
