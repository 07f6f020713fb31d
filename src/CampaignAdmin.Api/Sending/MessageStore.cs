using System.Data.Common;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// The dispatcher's and resend's writes, as set-based SQL that keeps each campaign's counters in step with its
/// messages in the same transaction. The outer <c>Status</c> check makes a claim exclusive on SQLite and PostgreSQL alike;
/// on PostgreSQL the inner select skips rows another claimer has locked (<see cref="StoreSql.SkipLocked"/>), so several
/// dispatchers share the work instead of queueing on row locks. What differs between the two is in <see cref="StoreSql"/>.
/// </summary>
public sealed partial class MessageStore(IDbContextFactory<CampaignDb> contexts, StoreSql sql, CampaignWriteGate gate, MessageEvents events)
{
    public sealed record Claimed(long Id, string Key, int CampaignId, string AccountId, string Params, int Attempts);

    public sealed record Outcome(Claimed Message, SendOutcome Result);

    private const string Columns = "Id, Key, CampaignId, AccountId, Params, Attempts";

    /// <summary>
    /// Scheduled campaigns whose time has come start sending; returns the ones this call started. One conditional
    /// statement: when several processes see a campaign due at once, the row lock makes the others re-read it as
    /// already <c>sending</c>, so exactly one of them starts it (and names it).
    /// </summary>
    public async Task<List<int>> PromoteDueCampaignsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().Command(null,
            $"""
            UPDATE Campaigns SET Status = '{CampaignStatus.Sending}', UpdatedAt = @now
            WHERE Status = '{CampaignStatus.Scheduled}' AND SendAt <= @now
            RETURNING Id
            """, ("@now", now.ToUnixTimeMilliseconds()));
        var started = await ReadIntsAsync(command, cancellationToken);
        if (started.Count == 0 || !events.HasListeners) return started;
        var changes = StatusChanges.For(events);
        foreach (var id in started) changes.AddCampaign(id);
        await events.RaiseAsync(changes);
        return started;
    }

    /// <summary>When the next scheduled campaign is due, if any (the <c>(Status, SendAt)</c> index answers it).</summary>
    public async Task<DateTimeOffset?> NextSendAtAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var next = await db.Campaigns.Where(c => c.Status == CampaignStatus.Scheduled)
            .OrderBy(c => c.SendAt).Select(c => new { c.SendAt }).FirstOrDefaultAsync(cancellationToken);
        return next?.SendAt;
    }

    /// <summary>Moves up to <paramref name="max"/> due PENDING messages of sending campaigns to SENDING under a lease.</summary>
    public async Task<List<Claimed>> ClaimAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sending = await db.Campaigns.Where(c => c.Status == CampaignStatus.Sending)
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var claimed = new List<Claimed>(max);
        if (sending.Count == 0) return claimed;

        var (connection, transaction) = await BeginAsync(db, cancellationToken);
        await using (transaction)
        {
            foreach (var campaignId in sending)
            {
                if (claimed.Count >= max) break;
                await using var command = connection.Command(transaction.GetDbTransaction(),
                    $"""
                    UPDATE Messages SET Status = {(int)MessageStatus.Sending}, Attempts = Attempts + 1,
                        LeaseOwner = @owner, LeaseUntil = @leaseUntil, UpdatedAt = @now
                    WHERE Status = {(int)MessageStatus.Pending}
                      AND Id IN (SELECT Id FROM Messages WHERE CampaignId = @campaign AND Status = {(int)MessageStatus.Pending}
                                 AND NextAttemptAt <= @now ORDER BY Id LIMIT @limit {sql.SkipLocked})
                    RETURNING {Columns}
                    """,
                    ("@owner", owner), ("@leaseUntil", (now + lease).ToUnixTimeMilliseconds()), ("@now", now.ToUnixTimeMilliseconds()),
                    ("@campaign", campaignId), ("@limit", max - claimed.Count));
                await ReadClaimedAsync(command, claimed, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        await RaiseAsync(claimed, MessageStatus.Sending);
        return claimed;
    }

    /// <summary>Takes a FAILED message for a resend; <c>null</c> when it is not (or no longer) FAILED.</summary>
    public async Task<Claimed?> ClaimForResendAsync(int companyId, string key, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (connection, transaction) = await BeginAsync(db, cancellationToken);
        await using (transaction)
        {
            var claimed = new List<Claimed>(1);
            await using (var command = connection.Command(transaction.GetDbTransaction(),
                $"""
                UPDATE Messages SET Status = {(int)MessageStatus.Sending}, Attempts = Attempts + 1,
                    LeaseOwner = @owner, LeaseUntil = @leaseUntil, UpdatedAt = @now
                WHERE Key = @key AND CompanyId = @company AND Status = {(int)MessageStatus.Failed}
                RETURNING {Columns}
                """,
                ("@owner", owner), ("@leaseUntil", (now + lease).ToUnixTimeMilliseconds()), ("@now", now.ToUnixTimeMilliseconds()),
                ("@key", key), ("@company", companyId)))
            {
                await ReadClaimedAsync(command, claimed, cancellationToken);
            }
            if (claimed.Count == 0) return null;
            await AddCountersAsync(connection, transaction.GetDbTransaction(), claimed[0].CampaignId,
                Counters.Delta(MessageStatus.Failed, MessageStatus.Sending), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await RaiseAsync(claimed, MessageStatus.Sending);
            return claimed[0];
        }
    }

    /// <summary>Tells listeners (if any) that these messages are now <paramref name="status"/>: one event per campaign.</summary>
    private Task RaiseAsync(IReadOnlyList<Claimed> messages, MessageStatus status)
    {
        if (messages.Count == 0 || !events.HasListeners) return Task.CompletedTask;
        var changes = StatusChanges.For(events);
        foreach (var message in messages) changes.Add(message.CampaignId, message.Key, status);
        return events.RaiseAsync(changes);
    }

    private static async Task ReadClaimedAsync(DbCommand command, List<Claimed> into, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            into.Add(new Claimed(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5)));
        }
    }

    /// <summary>A transaction in a turn at the write gate: no busy wait for SQLite's lock while a big create writes.</summary>
    private async Task<(DbConnection, IDbContextTransaction)> BeginAsync(CampaignDb db, CancellationToken cancellationToken)
    {
        var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        return (db.Database.GetDbConnection(), transaction);
    }

    /// <summary>
    /// Every campaign's counters, in campaign order: two transactions (in one process or two) that both move counters
    /// of the same campaigns lock their rows in the same order, so they queue instead of deadlocking.
    /// </summary>
    private static async Task AddCountersAsync(DbConnection connection, DbTransaction transaction, Dictionary<int, Counters> deltas, CancellationToken cancellationToken)
    {
        foreach (var (campaignId, delta) in deltas.OrderBy(d => d.Key))
            await AddCountersAsync(connection, transaction, campaignId, delta, cancellationToken);
    }

    private static Task AddCountersAsync(DbConnection connection, DbTransaction transaction, int campaignId, Counters delta, CancellationToken cancellationToken) =>
        delta.IsZero
            ? Task.CompletedTask
            : connection.ExecuteAsync(transaction,
                """
                UPDATE Campaigns SET SentCount = SentCount + @sent, DeliveredCount = DeliveredCount + @delivered,
                    ReadCount = ReadCount + @read, FailedCount = FailedCount + @failed
                WHERE Id = @id
                """,
                cancellationToken, ("@sent", delta.Sent), ("@delivered", delta.Delivered), ("@read", delta.Read),
                ("@failed", delta.Failed), ("@id", campaignId));
}
