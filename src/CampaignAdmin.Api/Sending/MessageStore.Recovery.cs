using System.Data.Common;
using System.Globalization;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Sending;

/// <summary>After a crash: leases that ran out under a sender that is gone (docs/SENDING.md, "Crashes").</summary>
public sealed partial class MessageStore
{
    /// <summary>A FAILED message handed to the provider with no answer.</summary>
    public sealed record InDoubt(long Id, string Key, int CampaignId, string ProviderMessageId);

    /// <param name="Requeued">Claimed but never handed over: back where they came from, certainly not sent.</param>
    /// <param name="InDoubt">Handed over with no answer: now FAILED "outcome unknown".</param>
    /// <param name="NextExpiry">The earliest lease still held by another owner, if any.</param>
    public sealed record Recovered(int Requeued, IReadOnlyList<InDoubt> InDoubt, DateTimeOffset? NextExpiry);

    /// <summary>What a doubtful message's error says once a sender stopped after handing it over.</summary>
    public static string HandedOverWithoutAnswer(DateTimeOffset handedOverAt, string why) =>
        $"{OutcomeUnknown}: handed to the provider at {handedOverAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} " +
        $"with no answer ({why}); check before resending";

    /// <summary>
    /// Settles messages left SENDING under another owner's expired lease (that process crashed or was stopped). One
    /// never handed to the provider goes back to PENDING (or, when a person's resend was interrupted, back to FAILED as
    /// it was), with the attempt that never happened taken back. One handed over ends FAILED "outcome unknown".
    /// A live process never settles its own leases: it is still sending them.
    /// </summary>
    public async Task<Recovered> RecoverExpiredAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (connection, transaction) = await BeginAsync(db, cancellationToken);
        await using (transaction)
        {
            var tx = transaction.GetDbTransaction();
            var nowMs = now.ToUnixTimeMilliseconds();
            // "CampaignId IN (every campaign)" walks the (CampaignId, Status, Id) index instead of the whole table.
            const string Expired = "LeaseUntil < @now AND LeaseOwner <> @owner AND CampaignId IN (SELECT Id FROM Campaigns)";
            var finished = $"(SELECT Id FROM Campaigns WHERE Status IN ('{CampaignStatus.Completed}', '{CampaignStatus.Failed}'))";

            var changes = StatusChanges.For(events);
            var requeued = 0;
            await using (var pending = connection.Command(tx,
                $"""
                UPDATE Messages SET Status = {(int)MessageStatus.Pending}, Attempts = CASE WHEN Attempts > 0 THEN Attempts - 1 ELSE 0 END, LeaseOwner = '', LeaseUntil = 0, UpdatedAt = @now
                WHERE Status = {(int)MessageStatus.Sending} AND HandedOverAt IS NULL AND {Expired} AND CampaignId NOT IN {finished}
                RETURNING CampaignId
                """, ("@now", nowMs), ("@owner", owner)))
            {
                foreach (var campaignId in await ReadIntsAsync(pending, cancellationToken))
                {
                    requeued++;
                    changes.Add(campaignId, null, MessageStatus.Pending);
                }
            }

            var deltas = new Dictionary<int, Counters>();
            // A person's resend of a finished campaign's message that never reached the provider: FAILED as before it.
            await using (var back = connection.Command(tx,
                $"""
                UPDATE Messages SET Status = {(int)MessageStatus.Failed}, Attempts = CASE WHEN Attempts > 0 THEN Attempts - 1 ELSE 0 END, LeaseOwner = '', LeaseUntil = 0, UpdatedAt = @now
                WHERE Status = {(int)MessageStatus.Sending} AND HandedOverAt IS NULL AND {Expired} AND CampaignId IN {finished}
                RETURNING CampaignId
                """, ("@now", nowMs), ("@owner", owner)))
            {
                foreach (var campaignId in await ReadIntsAsync(back, cancellationToken))
                {
                    requeued++;
                    deltas[campaignId] = deltas.GetValueOrDefault(campaignId) + Counters.Delta(MessageStatus.Sending, MessageStatus.Failed);
                    changes.Add(campaignId, null, MessageStatus.Failed);
                }
            }

            var found = new List<(InDoubt Message, long HandedOverAt)>();
            await using (var find = connection.Command(tx,
                $"""
                SELECT Id, Key, CampaignId, ProviderMessageId, HandedOverAt FROM Messages
                WHERE Status = {(int)MessageStatus.Sending} AND HandedOverAt IS NOT NULL AND {Expired}
                """, ("@now", nowMs), ("@owner", owner)))
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    found.Add((new InDoubt(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)), reader.GetInt64(4)));
            }
            var inDoubt = new List<InDoubt>();
            await using (var fail = connection.Command(tx,
                $"""
                UPDATE Messages SET Status = {(int)MessageStatus.Failed}, Error = @error, ErrorCode = 0, LeaseOwner = '', LeaseUntil = 0, UpdatedAt = @now
                WHERE Id = @id AND Status = {(int)MessageStatus.Sending} AND HandedOverAt IS NOT NULL AND LeaseUntil < @now AND LeaseOwner <> @owner
                """))
            {
                foreach (var (message, handedOverAt) in found)
                {
                    Set(fail, ("@error", HandedOverWithoutAnswer(DateTimeOffset.FromUnixTimeMilliseconds(handedOverAt), "its sender stopped")),
                        ("@now", nowMs), ("@id", message.Id), ("@owner", owner));
                    // Another survivor (or a sender since: settled, sent again, claimed again) may have settled it since the select: only the one that changes it names it.
                    if (await fail.ExecuteNonQueryAsync(cancellationToken) == 1)
                    {
                        inDoubt.Add(message);
                        deltas[message.CampaignId] = deltas.GetValueOrDefault(message.CampaignId) + Counters.Delta(MessageStatus.Sending, MessageStatus.Failed);
                        changes.Add(message.CampaignId, message.Key, MessageStatus.Failed);
                    }
                }
            }
            await AddCountersAsync(connection, tx, deltas, cancellationToken);
            var next = await NextForeignExpiryAsync(connection, tx, owner, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (deltas.Count > 0) await RefreshFinishedStatusAsync(deltas.Keys, cancellationToken);
            await events.RaiseAsync(changes);
            return new Recovered(requeued, inDoubt, next);
        }
    }

    /// <summary>FAILED messages handed over with no answer (their "outcome unknown" is not settled yet): all, or those of <paramref name="ids"/>.</summary>
    public async Task<List<InDoubt>> InDoubtAsync(IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().Command(null,
            $"""
            SELECT Id, Key, CampaignId, ProviderMessageId FROM Messages
            WHERE Status = {(int)MessageStatus.Failed} AND HandedOverAt IS NOT NULL
              AND {(ids is null ? "CampaignId IN (SELECT Id FROM Campaigns)" : sql.IdIsOneOf("@ids"))}
            """, ("@ids", sql.IdList(ids ?? [])));
        var found = new List<InDoubt>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new InDoubt(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)));
        return found;
    }

    private static async Task<DateTimeOffset?> NextForeignExpiryAsync(DbConnection connection, DbTransaction tx, string owner, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(tx,
            $"""
            SELECT MIN(LeaseUntil) FROM Messages
            WHERE Status = {(int)MessageStatus.Sending} AND LeaseOwner <> @owner AND CampaignId IN (SELECT Id FROM Campaigns)
            """, ("@owner", owner));
        return await command.ExecuteScalarAsync(cancellationToken) is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private static async Task<List<int>> ReadIntsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var values = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) values.Add(reader.GetInt32(0));
        return values;
    }
}
