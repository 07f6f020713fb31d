using CampaignAdmin.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;

/// <summary>
/// The <c>WebhookInbox</c> table: one committed INSERT per verified delivery before it is answered, then taken,
/// applied and deleted by <see cref="WebhookProcessor"/>. Several processes on one PostgreSQL database share it: a take
/// skips rows another process holds (<see cref="StoreSql.SkipLocked"/>) and leases what it took, so a process that dies
/// mid-way leaves its rows to be taken again when the lease runs out.
/// </summary>
public sealed class WebhookInbox(IDbContextFactory<CampaignDb> contexts, StoreSql sql, CampaignWriteGate gate, WebhookSignal signal)
{
    public sealed record Taken(long Id, byte[] Body, int Attempts);

    /// <summary>Writes the delivery and wakes the processor; when this returns, the delivery survives a crash.</summary>
    public async Task AddAsync(byte[] body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken))
        {
            await db.Database.GetDbConnection().ExecuteAsync(transaction.GetDbTransaction(),
                "INSERT INTO WebhookInbox (ReceivedAt, Body, Attempts, NextAttemptAt) VALUES (@at, @body, 0, 0)", cancellationToken,
                ("@at", now.ToUnixTimeMilliseconds()), ("@body", body));
            await transaction.CommitAsync(cancellationToken);
        }
        signal.Wake();
    }

    /// <summary>Takes up to <paramref name="max"/> due deliveries, oldest first, leased until <paramref name="now"/> + <paramref name="lease"/>.</summary>
    public async Task<List<Taken>> TakeAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var taken = new List<Taken>();
        await using var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        await using (var command = db.Database.GetDbConnection().Command(transaction.GetDbTransaction(),
            $"""
            UPDATE WebhookInbox SET Attempts = Attempts + 1, NextAttemptAt = @until
            WHERE NextAttemptAt <= @now
              AND Id IN (SELECT Id FROM WebhookInbox WHERE NextAttemptAt <= @now ORDER BY Id LIMIT @max {sql.SkipLocked})
            RETURNING Id, Body, Attempts
            """, ("@now", now.ToUnixTimeMilliseconds()), ("@until", (now + lease).ToUnixTimeMilliseconds()), ("@max", max)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                taken.Add(new Taken(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetInt32(2)));
        await transaction.CommitAsync(cancellationToken);
        taken.Sort((a, b) => a.Id.CompareTo(b.Id));
        return taken;
    }

    /// <summary>Applied (or given up on): gone.</summary>
    public async Task DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        await db.Database.GetDbConnection().ExecuteAsync(transaction.GetDbTransaction(),
            $"DELETE FROM WebhookInbox WHERE {sql.IdIsOneOf("@ids")}", cancellationToken, ("@ids", sql.IdList(ids)));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Keeps only what is still to be applied, taken again at <paramref name="nextAttemptAt"/>.</summary>
    public async Task KeepAsync(long id, byte[] remainder, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        await db.Database.GetDbConnection().ExecuteAsync(transaction.GetDbTransaction(),
            "UPDATE WebhookInbox SET Body = @body, NextAttemptAt = @next WHERE Id = @id", cancellationToken,
            ("@body", remainder), ("@next", nextAttemptAt.ToUnixTimeMilliseconds()), ("@id", id));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>How many deliveries wait (tests and the bench).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WebhookInbox.CountAsync(cancellationToken);
    }
}

/// <summary>Wakes <see cref="WebhookProcessor"/> when a delivery was written by this process.</summary>
public sealed class WebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
