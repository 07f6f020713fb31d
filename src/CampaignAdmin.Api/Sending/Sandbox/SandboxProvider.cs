using System.Security.Cryptography;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending.Sandbox;

/// <summary>
/// Behaves like WhatsApp, deterministically (docs/SENDING.md): numbers ending 0000 are undeliverable (131026); numbers
/// ending 0001 fail their first attempt (131049) and succeed when resent; others are accepted, delivered shortly
/// after, and read a little later when their last digit is even. Every accepted send is recorded durably, in the
/// sandbox's own table (<see cref="SandboxDb"/>), which also answers "did you accept message X?" (SandboxProvider.Lookup.cs).
/// </summary>
public sealed partial class SandboxProvider(
    IDbContextFactory<SandboxDb> contexts,
    CampaignWriteGate gate,
    SandboxReceipts receipts,
    IOptions<SandboxOptions> options,
    TimeProvider clock) : IMessageProvider
{
    public const int Undeliverable = 131026;
    public const int EcosystemEngagement = 131049;
    public const int RateLimited = 130429;
    public const int InvalidParameter = 100;

    public string Name => "sandbox";

    public async Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutgoingMessage> batch, SendMoment moment, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Latency > TimeSpan.Zero) await Task.Delay(settings.Latency, clock, cancellationToken);

        var now = moment.Read();
        var outcomes = new SendOutcome[batch.Count];
        var accepted = new List<SandboxSend>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            outcomes[i] = Decide(batch[i], settings);
            if (outcomes[i].Accepted)
                accepted.Add(new SandboxSend { ProviderMessageId = outcomes[i].ProviderMessageId, MessageKey = batch[i].MessageKey, To = batch[i].To, Payload = batch[i].Payload, SentAt = now });
        }

        if (accepted.Count > 0)
        {
            await RecordAsync(accepted, cancellationToken);
            foreach (var send in accepted)
            {
                receipts.Schedule(new Receipt(send.ProviderMessageId, MessageStatus.Delivered, now + settings.DeliveredAfter, MessageKey: send.MessageKey));
                if (LastDigit(send.To) % 2 == 0)
                    receipts.Schedule(new Receipt(send.ProviderMessageId, MessageStatus.Read, now + settings.ReadAfter, MessageKey: send.MessageKey));
            }
        }
        return outcomes;
    }

    /// <summary>The accepted sends in one transaction, as one batch (the hot path of every batch).</summary>
    private async Task RecordAsync(List<SandboxSend> accepted, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The sandbox's table is in the campaigns database: its writes take their turn with the others'.
        await using var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken);
        var inserts = new StatementBatch(db.Database.GetDbConnection(), transaction.GetDbTransaction());
        foreach (var send in accepted)
            inserts.Add(InsertSql, ("@provider", send.ProviderMessageId), ("@key", send.MessageKey), ("@to", send.To), ("@payload", send.Payload),
                ("@sentAt", send.SentAt.ToUnixTimeMilliseconds()));
        await inserts.ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>"to" is a keyword, so quoted, and in lower case: SQLite matches a quoted name in any case, PostgreSQL's is lower case.</summary>
    private static readonly string InsertSql =
        $"""
        INSERT INTO {SandboxDb.SendsTable} (ProviderMessageId, MessageKey, "to", Payload, SentAt)
        VALUES (@provider, @key, @to, @payload, @sentAt)
        """;

    private static SendOutcome Decide(OutgoingMessage message, SandboxOptions settings)
    {
        if (message.To.EndsWith("0000", StringComparison.Ordinal))
            return SendOutcome.Failed(Undeliverable, "Message undeliverable");
        if (message.To.EndsWith("0001", StringComparison.Ordinal) && message.Attempt <= 1)
            return SendOutcome.Failed(EcosystemEngagement, "Message not delivered to maintain healthy ecosystem engagement");
        if (!IsJson(message.Payload))
            return SendOutcome.Failed(InvalidParameter, "Invalid parameter: the message JSON is not valid JSON");
        if (settings.RandomFailureRate > 0 && Random.Shared.NextDouble() < settings.RandomFailureRate)
            return SendOutcome.Failed(RateLimited, "Rate limit hit", SendFailureKind.NotSent);
        return SendOutcome.Ok("wamid.sandbox." + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)));
    }

    private static bool IsJson(string payload)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(payload));
        try
        {
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int LastDigit(string number) => number.Length > 0 && char.IsAsciiDigit(number[^1]) ? number[^1] - '0' : 1;
}
