using CampaignAdmin.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>
/// "Sending paused: the access token was refused" (Meta's 190, or HTTP 401): recorded in the campaigns database, so
/// every API process on it stops claiming (each reads it at most once a second) and every company's dashboard shows it.
/// One token sends for every company of this deployment, so the pause is for all of them.
/// <para>It is cleared by a start: the token is read only at start, so fixing it means a restart, and the restart is
/// when the fixed token takes effect. A restart with the token still refused costs one batch, which goes back to the
/// queue as before, and the pause is recorded again.</para>
/// <para>Its one-row table is this provider's own, made on start (<c>CREATE TABLE IF NOT EXISTS</c>, the same text on
/// SQLite and PostgreSQL), so the core schema and a sandbox deployment never have it.</para>
/// </summary>
public sealed class TokenPause(IDbContextFactory<CampaignDb> contexts, CampaignWriteGate gate, TimeProvider clock, ILogger<TokenPause> logger)
    : ISendingPause, IHostedService
{
    public const string Table = "WhatsAppCloud_Pause";

    /// <summary>How stale this process's view of another process's pause may be.</summary>
    public static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(1);

    private sealed record View(SendingPaused? Paused, DateTimeOffset ReadAt);

    private volatile View _view = new(null, DateTimeOffset.MinValue);

    /// <summary>The pause as this process last knew it, without asking the database (the provider's check before a send).</summary>
    public SendingPaused? Known => _view.Paused;

    public async ValueTask<SendingPaused?> CurrentAsync(CancellationToken cancellationToken)
    {
        var view = _view;
        var now = clock.GetUtcNow();
        if (now - view.ReadAt < ReadEvery) return view.Paused;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().Command(null, $"SELECT Reason, ErrorCode, PausedAt FROM {Table} WHERE Id = 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var paused = await reader.ReadAsync(cancellationToken)
            ? new SendingPaused(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)))
            : null;
        _view = new View(paused, now);
        return paused;
    }

    /// <summary>Pauses sending for every process, at once for this one. A pause already in force keeps its first reason and time.</summary>
    public async Task PauseAsync(int errorCode, string reason)
    {
        var now = clock.GetUtcNow();
        if (_view.Paused is null) _view = new View(new SendingPaused(reason, errorCode, now), now);
        logger.LogError("Meta refused the access token (error {Code}): sending is paused for every campaign until the API is restarted with a working WhatsAppCloud:AccessToken", errorCode);
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await db.Database.GetDbConnection().ExecuteAsync(null,
                $"""
                INSERT INTO {Table} (Id, Reason, ErrorCode, PausedAt) VALUES (1, @reason, @code, @at)
                ON CONFLICT (Id) DO NOTHING
                """, CancellationToken.None, ("@reason", reason), ("@code", errorCode), ("@at", now.ToUnixTimeMilliseconds()));
        }
    }

    /// <summary>Makes the table if it is missing and clears any pause: a start is how a fixed token takes effect.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        using (await gate.EnterAsync(cancellationToken))
        {
            const string create = $"CREATE TABLE IF NOT EXISTS {Table} (Id INTEGER NOT NULL PRIMARY KEY, Reason TEXT NOT NULL, ErrorCode INTEGER NOT NULL, PausedAt BIGINT NOT NULL)";
            try
            {
                await connection.ExecuteAsync(null, create, cancellationToken);
            }
            catch (System.Data.Common.DbException)
            {
                // PostgreSQL: two instances starting at once can both pass "IF NOT EXISTS"; the loser's second try finds the table.
                await connection.ExecuteAsync(null, create, cancellationToken);
            }
            if (await connection.ExecuteAsync(null, $"DELETE FROM {Table}", cancellationToken) > 0)
                logger.LogWarning("Sending was paused because Meta refused the access token; this start clears the pause and sending resumes");
        }
        _view = new View(null, clock.GetUtcNow());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
