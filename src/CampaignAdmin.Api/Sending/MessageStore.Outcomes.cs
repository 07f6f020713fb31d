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
    /// Records what the provider said about messages handed to it. A send that certainly did not happen goes back to
    /// PENDING with a back-off until <paramref name="maxAttempts"/>; everything else is final until a person resends
    /// (or, for "outcome unknown", until a receipt or the provider settles it). The hand-over mark is cleared with the
    /// answer, except when the answer is "outcome unknown".
    /// Only rows still SENDING under this <paramref name="owner"/>'s lease change, so a deleted campaign's messages stay
    /// deleted, and a sender whose lease ran out (another process settled it, and perhaps claimed it again since) never
    /// writes over the row's new life.
    /// </summary>
    public async Task WriteOutcomesAsync(string owner, IReadOnlyList<Outcome> outcomes, DateTimeOffset now, int maxAttempts, TimeSpan backoff, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (connection, transaction) = await BeginAsync(db, cancellationToken);
        await using (transaction)
        {
            var tx = transaction.GetDbTransaction();
            var nowMs = now.ToUnixTimeMilliseconds();
            var writes = new StatementBatch(connection, tx);
            var statuses = new MessageStatus[outcomes.Count];
            for (var i = 0; i < outcomes.Count; i++)
            {
                var (message, result) = outcomes[i];
                (string Name, object? Value)[] row = [("@id", message.Id), ("@now", nowMs), ("@owner", owner)];
                if (result.Accepted)
                {
                    statuses[i] = MessageStatus.Submitted;
                    writes.Add(AcceptedSql, [.. row, ("@provider", result.ProviderMessageId)]);
                }
                else if (result.Failure == SendFailureKind.Held && maxAttempts > 0)
                {
                    // maxAttempts 0 is a person's resend: it stays FAILED with the reason, as any failed resend does.
                    statuses[i] = MessageStatus.Pending;
                    writes.Add(RequeueSql, [.. row, ("@error", result.Error), ("@code", result.ErrorCode)]);
                }
                else if (result.Failure == SendFailureKind.NotSent && message.Attempts < maxAttempts)
                {
                    statuses[i] = MessageStatus.Pending;
                    var wait = backoff * Math.Pow(2, message.Attempts - 1);
                    writes.Add(RetrySql, [.. row, ("@error", result.Error), ("@code", result.ErrorCode), ("@next", (now + wait).ToUnixTimeMilliseconds())]);
                }
                else
                {
                    statuses[i] = MessageStatus.Failed;
                    var unknown = result.Failure == SendFailureKind.OutcomeUnknown;
                    var error = unknown && !result.Error.StartsWith(OutcomeUnknown, StringComparison.Ordinal)
                        ? $"{OutcomeUnknown}: {result.Error}"
                        : result.Error;
                    // Still in doubt: the hand-over mark stays, so a receipt or the provider can settle it later.
                    writes.Add(FailedSql, [.. row, ("@error", error), ("@code", result.ErrorCode), ("@unknown", unknown ? 1 : 0)]);
                }
            }
            var written = await writes.ExecuteAsync(cancellationToken);

            var deltas = new Dictionary<int, Counters>();
            var changes = StatusChanges.For(events);
            for (var i = 0; i < outcomes.Count; i++)
            {
                if (written[i] != 1) continue;
                var message = outcomes[i].Message;
                deltas[message.CampaignId] = deltas.GetValueOrDefault(message.CampaignId) + Counters.Delta(MessageStatus.Sending, statuses[i]);
                changes.Add(message.CampaignId, message.Key, statuses[i]);
            }
            await AddCountersAsync(connection, tx, deltas, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await events.RaiseAsync(changes);
        }
    }

    private static readonly string AcceptedSql =
        $"""
        UPDATE Messages SET Status = {(int)MessageStatus.Submitted}, ProviderMessageId = @provider, SentAt = @now,
            UpdatedAt = @now, Error = '', ErrorCode = 0, LeaseOwner = '', LeaseUntil = 0, HandedOverAt = NULL
        WHERE Id = @id AND Status = {(int)MessageStatus.Sending} AND LeaseOwner = @owner
        """;

    private static readonly string FailedSql =
        $"""
        UPDATE Messages SET Status = {(int)MessageStatus.Failed}, Error = @error, ErrorCode = @code,
            UpdatedAt = @now, LeaseOwner = '', LeaseUntil = 0,
            HandedOverAt = CASE WHEN @unknown = 1 THEN HandedOverAt ELSE NULL END
        WHERE Id = @id AND Status = {(int)MessageStatus.Sending} AND LeaseOwner = @owner
        """;

    private static readonly string RetrySql =
        $"""
        UPDATE Messages SET Status = {(int)MessageStatus.Pending}, Error = @error, ErrorCode = @code,
            NextAttemptAt = @next, UpdatedAt = @now, LeaseOwner = '', LeaseUntil = 0, HandedOverAt = NULL
        WHERE Id = @id AND Status = {(int)MessageStatus.Sending} AND LeaseOwner = @owner
        """;

    /// <summary>Held (the provider refused our credentials): back in the queue as if never claimed, its attempt given back.</summary>
    private static readonly string RequeueSql =
        $"""
        UPDATE Messages SET Status = {(int)MessageStatus.Pending}, Attempts = Attempts - 1, Error = @error, ErrorCode = @code,
            NextAttemptAt = @now, UpdatedAt = @now, LeaseOwner = '', LeaseUntil = 0, HandedOverAt = NULL
        WHERE Id = @id AND Status = {(int)MessageStatus.Sending} AND LeaseOwner = @owner
        """;

    /// <summary>Gives back claimed messages that never reached the provider (no hand-over mark), taking back their attempt.</summary>
    public async Task ReleaseAsync(string owner, IReadOnlyList<Claimed> claimed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = claimed.Select(c => c.Id).ToList();
        await db.Messages
            .Where(m => ids.Contains(m.Id) && m.Status == (int)MessageStatus.Sending && m.LeaseOwner == owner && m.HandedOverAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, (int)MessageStatus.Pending)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.LeaseOwner, "")
                .SetProperty(m => m.LeaseUntil, 0L), cancellationToken);
        await RaiseAsync(claimed, MessageStatus.Pending);
    }

    /// <summary>
    /// Gives back claimed messages that never reached the provider, not to be claimed again before <paramref name="until"/>
    /// (a recipient's pair limit), taking back their attempt: waiting for a limit is not a try.
    /// </summary>
    public async Task DeferAsync(string owner, IReadOnlyList<Claimed> claimed, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (claimed.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = claimed.Select(c => c.Id).ToList();
        var untilMs = until.ToUnixTimeMilliseconds();
        await db.Messages
            .Where(m => ids.Contains(m.Id) && m.Status == (int)MessageStatus.Sending && m.LeaseOwner == owner && m.HandedOverAt == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, (int)MessageStatus.Pending)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1)
                .SetProperty(m => m.NextAttemptAt, untilMs)
                .SetProperty(m => m.LeaseOwner, "")
                .SetProperty(m => m.LeaseUntil, 0L), cancellationToken);
        await RaiseAsync(claimed, MessageStatus.Pending);
    }

    /// <summary>A sending campaign with nothing PENDING or SENDING is completed, or failed when every message failed.</summary>
    public async Task CompleteFinishedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = new[] { (int)MessageStatus.Pending, (int)MessageStatus.Sending };
        var finished = db.Campaigns
            .Where(c => c.Status == CampaignStatus.Sending && !db.Messages.Any(m => m.CampaignId == c.Id && pending.Contains(m.Status)));
        List<int>? ids = null;
        if (events.HasListeners)
        {
            // Someone shows these campaigns live: name the ones that finish.
            ids = await finished.Select(c => c.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0) return;
            finished = finished.Where(c => ids.Contains(c.Id));
        }
        await finished.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, c => c.FailedCount == c.Total && c.Total > 0 ? CampaignStatus.Failed : CampaignStatus.Completed)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (ids is null) return;
        var changes = StatusChanges.For(events);
        foreach (var id in ids) changes.AddCampaign(id);
        await events.RaiseAsync(changes);
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

    private static void Set(DbCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name)) command.Parameters[name].Value = value ?? DBNull.Value;
            else command.Add(name, value);
        }
    }
}
