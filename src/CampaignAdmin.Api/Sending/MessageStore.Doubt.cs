using System.Globalization;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Sending;

/// <summary>"Outcome unknown" settled from the provider's own answer (<see cref="IProviderLookup"/>).</summary>
public sealed partial class MessageStore
{
    public const string NotAcceptedRequeued = "not sent: the provider has no record of it (asked after its send got no answer); sending it again";

    public const string NotAcceptedFinal = "not sent: the provider has no record of it (asked after its send got no answer); safe to resend";

    /// <summary>
    /// Applies the provider's answers. Accepted (a send other than the one already recorded): SUBMITTED with its
    /// provider ID. Never accepted: back to PENDING while its campaign is sending and attempts are left, otherwise FAILED
    /// saying plainly it was not sent. Unknown: unchanged. Only messages still in doubt change; counters move with them.
    /// Returns how many were settled as sent and as not sent.
    /// </summary>
    public async Task<(int Sent, int NotSent)> SettleAsync(IReadOnlyList<(InDoubt Message, LookupResult Answer)> answers, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (connection, transaction) = await BeginAsync(db, cancellationToken);
        await using (transaction)
        {
            var tx = transaction.GetDbTransaction();
            var stillInDoubt = $"Id = @id AND Status = {(int)MessageStatus.Failed} AND HandedOverAt IS NOT NULL";
            await using var sent = connection.Command(tx,
                $"""
                UPDATE Messages SET Status = {(int)MessageStatus.Submitted}, ProviderMessageId = @provider, SentAt = @sentAt,
                    Error = '', ErrorCode = 0, HandedOverAt = NULL, UpdatedAt = @now
                WHERE {stillInDoubt}
                """);
            await using var notSent = connection.Command(tx,
                $"""
                UPDATE Messages SET
                    Status = CASE WHEN Attempts < @max AND CampaignId IN (SELECT Id FROM Campaigns WHERE Status = '{CampaignStatus.Sending}')
                             THEN {(int)MessageStatus.Pending} ELSE {(int)MessageStatus.Failed} END,
                    Error = CASE WHEN Attempts < @max AND CampaignId IN (SELECT Id FROM Campaigns WHERE Status = '{CampaignStatus.Sending}')
                            THEN @requeued ELSE @final END,
                    ErrorCode = 0, NextAttemptAt = @now, HandedOverAt = NULL, UpdatedAt = @now
                WHERE {stillInDoubt}
                RETURNING Status
                """);
            var nowMs = now.ToUnixTimeMilliseconds();
            var deltas = new Dictionary<int, Counters>();
            var (sentCount, notSentCount) = (0, 0);
            var changes = StatusChanges.For(events);
            foreach (var (message, answer) in answers)
            {
                MessageStatus? to = null;
                if (answer.Verdict == LookupVerdict.Accepted && answer.ProviderMessageId != message.ProviderMessageId)
                {
                    Set(sent, ("@provider", answer.ProviderMessageId), ("@sentAt", (answer.AcceptedAt ?? now).ToUnixTimeMilliseconds()),
                        ("@now", nowMs), ("@id", message.Id));
                    if (await sent.ExecuteNonQueryAsync(cancellationToken) == 1) (to, sentCount) = (MessageStatus.Submitted, sentCount + 1);
                }
                // Its only accepted send is the one already recorded before: the unanswered hand-over was not accepted.
                else if (answer.Verdict is LookupVerdict.NeverAccepted or LookupVerdict.Accepted)
                {
                    Set(notSent, ("@max", maxAttempts), ("@requeued", NotAcceptedRequeued), ("@final", NotAcceptedFinal),
                        ("@now", nowMs), ("@id", message.Id));
                    if (await notSent.ExecuteScalarAsync(cancellationToken) is { } status and not DBNull)
                        (to, notSentCount) = ((MessageStatus)Convert.ToInt32(status, CultureInfo.InvariantCulture), notSentCount + 1);
                }
                if (to is { } moved)
                {
                    deltas[message.CampaignId] = deltas.GetValueOrDefault(message.CampaignId) + Counters.Delta(MessageStatus.Failed, moved);
                    changes.Add(message.CampaignId, message.Key, moved);
                }
            }
            await AddCountersAsync(connection, tx, deltas, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (deltas.Count > 0) await RefreshFinishedStatusAsync(deltas.Keys, cancellationToken);
            await events.RaiseAsync(changes);
            return (sentCount, notSentCount);
        }
    }
}
