using System.Data.Common;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Sending;

public sealed partial class MessageStore
{
    public const string OutcomeUnknown = "outcome unknown";

    /// <summary>
    /// Records what the provider said about claimed messages. A send that certainly did not happen goes back to
    /// PENDING with a back-off until <paramref name="maxAttempts"/>; everything else is final until a person resends.
    /// Only rows still SENDING under this lease change, so a deleted campaign's messages stay deleted.
    /// </summary>
    public async Task WriteOutcomesAsync(IReadOnlyList<Outcome> outcomes, DateTimeOffset now, int maxAttempts, TimeSpan backoff, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (connection, transaction) = await BeginAsync(db, cancellationToken);
        await using (transaction)
        {
            var tx = transaction.GetDbTransaction();
            await using var accepted = connection.Command(tx,
                $"""
                UPDATE Messages SET Status = {(int)MessageStatus.Submitted}, ProviderMessageId = @provider, SentAt = @now,
                    UpdatedAt = @now, Error = '', ErrorCode = 0, LeaseOwner = '', LeaseUntil = 0
                WHERE Id = @id AND Status = {(int)MessageStatus.Sending}
                """);
            await using var failed = connection.Command(tx,
                $"""
                UPDATE Messages SET Status = {(int)MessageStatus.Failed}, Error = @error, ErrorCode = @code,
                    UpdatedAt = @now, LeaseOwner = '', LeaseUntil = 0
                WHERE Id = @id AND Status = {(int)MessageStatus.Sending}
                """);
            await using var retry = connection.Command(tx,
                $"""
                UPDATE Messages SET Status = {(int)MessageStatus.Pending}, Error = @error, ErrorCode = @code,
                    NextAttemptAt = @next, UpdatedAt = @now, LeaseOwner = '', LeaseUntil = 0
                WHERE Id = @id AND Status = {(int)MessageStatus.Sending}
                """);
            var nowMs = now.ToUnixTimeMilliseconds();
            var deltas = new Dictionary<int, Counters>();
            foreach (var (message, result) in outcomes)
            {
                DbCommand command;
                MessageStatus status;
                if (result.Accepted)
                {
                    (command, status) = (accepted, MessageStatus.Submitted);
                    Set(command, ("@provider", result.ProviderMessageId));
                }
                else if (result.Failure == SendFailureKind.NotSent && message.Attempts < maxAttempts)
                {
                    (command, status) = (retry, MessageStatus.Pending);
                    var wait = backoff * Math.Pow(2, message.Attempts - 1);
                    Set(command, ("@error", result.Error), ("@code", result.ErrorCode), ("@next", (now + wait).ToUnixTimeMilliseconds()));
                }
                else
                {
                    (command, status) = (failed, MessageStatus.Failed);
                    var error = result.Failure == SendFailureKind.OutcomeUnknown && !result.Error.StartsWith(OutcomeUnknown, StringComparison.Ordinal)
                        ? $"{OutcomeUnknown}: {result.Error}"
                        : result.Error;
                    Set(command, ("@error", error), ("@code", result.ErrorCode));
                }
                Set(command, ("@id", message.Id), ("@now", nowMs));
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
                    deltas[message.CampaignId] = deltas.GetValueOrDefault(message.CampaignId) + Counters.Delta(MessageStatus.Sending, status);
            }
            foreach (var (campaignId, delta) in deltas)
                await AddCountersAsync(connection, tx, campaignId, delta, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Gives back claimed messages that never reached the provider.</summary>
    public async Task ReleaseAsync(string owner, IReadOnlyList<Claimed> claimed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = claimed.Select(c => c.Id).ToList();
        await db.Messages
            .Where(m => ids.Contains(m.Id) && m.Status == (int)MessageStatus.Sending && m.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, (int)MessageStatus.Pending)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.LeaseOwner, "")
                .SetProperty(m => m.LeaseUntil, 0L), cancellationToken);
    }

    /// <summary>
    /// Messages whose lease ran out under another owner (a crashed or stopped process) may or may not have gone
    /// out: they end FAILED with "outcome unknown" and wait for a person to resend them.
    /// </summary>
    public async Task<int> SettleExpiredLeasesAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (connection, transaction) = await BeginAsync(db, cancellationToken);
        await using (transaction)
        {
            var tx = transaction.GetDbTransaction();
            var settled = new List<int>();
            await using (var command = connection.Command(tx,
                $"""
                UPDATE Messages SET Status = {(int)MessageStatus.Failed}, ErrorCode = 0, UpdatedAt = @now,
                    Error = '{OutcomeUnknown}: the sender stopped while this message was being sent; check before resending',
                    LeaseOwner = '', LeaseUntil = 0
                WHERE Status = {(int)MessageStatus.Sending} AND LeaseUntil < @now AND LeaseOwner <> @owner
                RETURNING CampaignId
                """, ("@now", now.ToUnixTimeMilliseconds()), ("@owner", owner)))
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) settled.Add(reader.GetInt32(0));
            }
            foreach (var group in settled.GroupBy(id => id))
                await AddCountersAsync(connection, tx, group.Key, new Counters(0, 0, 0, group.Count()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return settled.Count;
        }
    }

    /// <summary>A sending campaign with nothing PENDING or SENDING is completed, or failed when every message failed.</summary>
    public async Task CompleteFinishedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = new[] { (int)MessageStatus.Pending, (int)MessageStatus.Sending };
        await db.Campaigns
            .Where(c => c.Status == CampaignStatus.Sending && !db.Messages.Any(m => m.CampaignId == c.Id && pending.Contains(m.Status)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, c => c.FailedCount == c.Total && c.Total > 0 ? CampaignStatus.Failed : CampaignStatus.Completed)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken);
    }

    /// <summary>After a resend or a receipt, a finished campaign's status follows its counts.</summary>
    public async Task RefreshFinishedStatusAsync(IEnumerable<int> campaignIds, CancellationToken cancellationToken)
    {
        var ids = campaignIds.Distinct().ToList();
        if (ids.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Campaigns
            .Where(c => ids.Contains(c.Id) && (c.Status == CampaignStatus.Completed || c.Status == CampaignStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status,
                c => c.FailedCount == c.Total && c.Total > 0 ? CampaignStatus.Failed : CampaignStatus.Completed), cancellationToken);
    }

    /// <summary>Applies receipts that move a message forward; returns those whose message is not known (yet).</summary>
    public async Task<List<Receipt>> ApplyReceiptsAsync(IReadOnlyList<Receipt> receipts, CancellationToken cancellationToken)
    {
        var unmatched = new List<Receipt>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (connection, transaction) = await BeginAsync(db, cancellationToken);
        await using (transaction)
        {
            var tx = transaction.GetDbTransaction();
            await using var find = connection.Command(tx, "SELECT Id, CampaignId, Status FROM Messages WHERE ProviderMessageId = @provider AND ProviderMessageId <> '' LIMIT 1");
            var provider = find.Add("@provider", "");
            await using var update = connection.Command(tx,
                $"""
                UPDATE Messages SET Status = @status, UpdatedAt = @at,
                    DeliveredAt = CASE WHEN @status IN ({(int)MessageStatus.Delivered}, {(int)MessageStatus.Read}) AND DeliveredAt IS NULL THEN @at ELSE DeliveredAt END,
                    ReadAt = CASE WHEN @status = {(int)MessageStatus.Read} THEN @at ELSE ReadAt END,
                    Error = CASE WHEN @status = {(int)MessageStatus.Failed} THEN @error ELSE Error END,
                    ErrorCode = CASE WHEN @status = {(int)MessageStatus.Failed} THEN @code ELSE ErrorCode END
                WHERE Id = @id AND Status = @from
                """);
            var deltas = new Dictionary<int, Counters>();
            foreach (var receipt in receipts)
            {
                provider.Value = receipt.ProviderMessageId;
                long id; int campaignId; MessageStatus current;
                await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
                {
                    if (!await reader.ReadAsync(cancellationToken)) { unmatched.Add(receipt); continue; }
                    (id, campaignId, current) = (reader.GetInt64(0), reader.GetInt32(1), (MessageStatus)reader.GetInt32(2));
                }
                if (!StatusRules.ReceiptMovesForward(current, receipt.Status)) continue;
                Set(update, ("@status", (int)receipt.Status), ("@at", receipt.At.ToUnixTimeMilliseconds()), ("@error", receipt.Error),
                    ("@code", receipt.ErrorCode), ("@id", id), ("@from", (int)current));
                if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
                    deltas[campaignId] = deltas.GetValueOrDefault(campaignId) + Counters.Delta(current, receipt.Status);
            }
            foreach (var (campaignId, delta) in deltas)
                await AddCountersAsync(connection, tx, campaignId, delta, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (deltas.Values.Any(d => d.Failed != 0)) await RefreshFinishedStatusAsync(deltas.Keys, cancellationToken);
        }
        return unmatched;
    }

    private static void Set(DbCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name)) command.Parameters[name].Value = value ?? DBNull.Value;
            else command.Add(name, value);
        }
    }
}
