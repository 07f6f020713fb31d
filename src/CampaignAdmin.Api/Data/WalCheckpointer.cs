using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database every few seconds, off the request path. PASSIVE never waits
/// for readers or writers; the log is reused once everything in it is checkpointed.
/// </summary>
internal sealed class WalCheckpointer(IDbContextFactory<CampaignDb> contexts, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE);", stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "WAL checkpoint failed; trying again shortly");
            }
        }
    }

    /// <summary>On the way out, leave the database whole and the log empty.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Final WAL checkpoint failed");
        }
    }
}
