using CampaignAdmin.Api.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Data;

/// <summary>Creates or migrates the schema on start, then seeds the demo company where configured.</summary>
internal sealed class DatabaseInitializer(
    IDbContextFactory<CampaignDb> contexts,
    IOptions<DemoOptions> demo,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await DemoSeeder.SeedAsync(db, demo.Value, environment.IsDevelopment(), logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
