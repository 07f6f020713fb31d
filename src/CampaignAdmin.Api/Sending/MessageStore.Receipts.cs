using System.Data.Common;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Sending;

/// <summary>Delivery receipts: they move a message forward, and settle an "outcome unknown" one.</summary>
public sealed partial class MessageStore
{
    /// <summary>
    /// Applies receipts that move a message forward (matched by provider ID), and receipts that settle a message in
    /// doubt (matched by its key: the message has no provider ID of that send). Returns those whose message is not
    /// known (yet).
    /// </summary>
    public async Task<List<Receipt>> ApplyReceiptsAsync(IReadOnlyList<Receipt> receipts, CancellationToken cancellationToken)
    {
        var unmatched = new List<Receipt>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (connection, transaction) = await BeginAsync(db, cancellationToken);
        await using (transaction)
        {
            var tx = transaction.GetDbTransaction();
            var found = await FindByProviderIdAsync(connection, tx, receipts, cancellationToken);
            await using var settle = SettleCommand(connection, tx);
            await using var findKey = connection.Command(tx,
                "SELECT Id, CampaignId, Status, ProviderMessageId, HandedOverAt IS NOT NULL FROM Messages WHERE Key = @key");
            var key = findKey.Add("@key", "");

            var deltas = new Dictionary<int, Counters>();
            var changes = StatusChanges.For(events);
            // The moves, queued in the receipts' order and run together; each starts from the status the one before left.
            var updates = new StatementBatch(connection, tx);
            var moves = new List<(int CampaignId, string Key, MessageStatus From, MessageStatus To)>();
            foreach (var receipt in receipts)
            {
                if (!found.TryGetValue(receipt.ProviderMessageId, out var message))
                {
                    var settled = receipt.MessageKey.Length > 0 && await SettleByKeyAsync(receipt);
                    if (!settled) unmatched.Add(receipt);
                    continue;
                }
                if (!StatusRules.ReceiptMovesForward(message.Status, receipt.Status)) continue;
                updates.Add(MoveSql, ("@status", (int)receipt.Status), ("@at", receipt.At.ToUnixTimeMilliseconds()), ("@error", receipt.Error),
                    ("@code", receipt.ErrorCode), ("@id", message.Id), ("@from", (int)message.Status));
                moves.Add((message.CampaignId, message.Key, message.Status, receipt.Status));
                message.Status = receipt.Status;
            }
            var moved = await updates.ExecuteAsync(cancellationToken);
            for (var i = 0; i < moves.Count; i++)
            {
                if (moved[i] != 1) continue;
                var (campaignId, messageKey, from, to) = moves[i];
                deltas[campaignId] = deltas.GetValueOrDefault(campaignId) + Counters.Delta(from, to);
                changes.Add(campaignId, messageKey, to);
            }
            await AddCountersAsync(connection, tx, deltas, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (deltas.Values.Any(d => d.Failed != 0)) await RefreshFinishedStatusAsync(deltas.Keys, cancellationToken);
            await events.RaiseAsync(changes);

            // A receipt about a send other than the one recorded, for a message handed over without an answer: that send happened.
            async Task<bool> SettleByKeyAsync(Receipt receipt)
            {
                key.Value = receipt.MessageKey;
                long doubtId; int campaign;
                await using (var reader = await findKey.ExecuteReaderAsync(cancellationToken))
                {
                    if (!await reader.ReadAsync(cancellationToken)) return false;
                    var inDoubt = (MessageStatus)reader.GetInt32(2) == MessageStatus.Failed && reader.GetBoolean(4);
                    if (!inDoubt || reader.GetString(3) == receipt.ProviderMessageId || !StatusRules.ReceiptSettlesDoubt(receipt.Status)) return false;
                    (doubtId, campaign) = (reader.GetInt64(0), reader.GetInt32(1));
                }
                Set(settle, ("@status", (int)receipt.Status), ("@provider", receipt.ProviderMessageId), ("@at", receipt.At.ToUnixTimeMilliseconds()),
                    ("@error", receipt.Error), ("@code", receipt.ErrorCode), ("@id", doubtId));
                if (await settle.ExecuteNonQueryAsync(cancellationToken) != 1) return false;
                deltas[campaign] = deltas.GetValueOrDefault(campaign) + Counters.Delta(MessageStatus.Failed, receipt.Status);
                changes.Add(campaign, receipt.MessageKey, receipt.Status);
                return true;
            }
        }
        return unmatched;
    }

    private static readonly string MoveSql =
        $"""
        UPDATE Messages SET Status = @status, UpdatedAt = @at,
            DeliveredAt = CASE WHEN @status IN ({(int)MessageStatus.Delivered}, {(int)MessageStatus.Read}) AND DeliveredAt IS NULL THEN @at ELSE DeliveredAt END,
            ReadAt = CASE WHEN @status = {(int)MessageStatus.Read} THEN @at ELSE ReadAt END,
            Error = CASE WHEN @status = {(int)MessageStatus.Failed} THEN @error ELSE Error END,
            ErrorCode = CASE WHEN @status = {(int)MessageStatus.Failed} THEN @code ELSE ErrorCode END
        WHERE Id = @id AND Status = @from
        """;

    private sealed class Found(long id, int campaignId, MessageStatus status, string key)
    {
        public long Id { get; } = id;
        public int CampaignId { get; } = campaignId;
        public string Key { get; } = key;
        /// <summary>Where the receipts applied so far (in this transaction) have moved it.</summary>
        public MessageStatus Status { get; set; } = status;
    }

    /// <summary>
    /// The messages the receipts name, in one read, by provider ID (the first by id where two share one). On PostgreSQL
    /// their rows stay locked, in id order, until the transaction ends: a receipt applied by another instance at the same
    /// moment waits, then reads the status this one left, instead of finding its "from" gone and being lost.
    /// </summary>
    private async Task<Dictionary<string, Found>> FindByProviderIdAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<Receipt> receipts,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Found>(StringComparer.Ordinal);
        var providerIds = receipts.Select(r => r.ProviderMessageId).Where(id => id.Length > 0).Distinct().ToList();
        if (providerIds.Count == 0) return found;
        await using var find = connection.Command(tx,
            $"SELECT Id, CampaignId, Status, Key, ProviderMessageId FROM Messages WHERE {sql.IsOneOf("ProviderMessageId", "@providers")} ORDER BY Id {sql.ForUpdate}",
            ("@providers", sql.TextList(providerIds)));
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found.TryAdd(reader.GetString(4), new Found(reader.GetInt64(0), reader.GetInt32(1), (MessageStatus)reader.GetInt32(2), reader.GetString(3)));
        return found;
    }

    /// <summary>A message in doubt takes the receipt's send as its own: its status, provider ID and times, and its error (if any).</summary>
    private static DbCommand SettleCommand(DbConnection connection, DbTransaction tx) => connection.Command(tx,
        $"""
        UPDATE Messages SET Status = @status, ProviderMessageId = @provider, SentAt = HandedOverAt, HandedOverAt = NULL, UpdatedAt = @at,
            DeliveredAt = CASE WHEN @status IN ({(int)MessageStatus.Delivered}, {(int)MessageStatus.Read}) THEN @at ELSE DeliveredAt END,
            ReadAt = CASE WHEN @status = {(int)MessageStatus.Read} THEN @at ELSE ReadAt END,
            Error = CASE WHEN @status = {(int)MessageStatus.Failed} THEN @error ELSE '' END,
            ErrorCode = CASE WHEN @status = {(int)MessageStatus.Failed} THEN @code ELSE 0 END
        WHERE Id = @id AND Status = {(int)MessageStatus.Failed} AND HandedOverAt IS NOT NULL
        """);
}
