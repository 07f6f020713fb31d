using CampaignAdmin.Contracts.Campaigns;
using System.Data.Common;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.Sandbox;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>
/// Reads a campaign database from outside the API process, with plain SQL (no EF model, no pooled connection, nothing
/// written): what the messages say and what the sandbox provider actually accepted.
/// </summary>
public sealed class SendLedger(TestDatabase database)
{
    public sealed record Row(string Key, string AccountId, MessageStatus Status, string Error, int ErrorCode, int Attempts,
        string ProviderMessageId, long? HandedOverAt, int Sends, string SentProviderId);

    public sealed record Counts(int Total, int Sent, int Failed);

    /// <summary>Accepted sends recorded by the sandbox (every copy a customer got).</summary>
    public Task<long> SendsAsync() => ScalarAsync("SELECT COUNT(*) FROM Sandbox_Sends");

    public Task<long> CountAsync(MessageStatus status) =>
        ScalarAsync($"SELECT COUNT(*) FROM Messages WHERE Status = {(int)status}");

    /// <summary>FAILED messages still in doubt: handed to the provider with no answer, not settled yet.</summary>
    public Task<long> InDoubtAsync() =>
        ScalarAsync($"SELECT COUNT(*) FROM Messages WHERE Status = {(int)MessageStatus.Failed} AND HandedOverAt IS NOT NULL");

    /// <summary>SENDING messages, and of those how many carry the hand-over mark (0 where the column does not exist).</summary>
    public async Task<(long Sending, long HandedOver)> InFlightAsync()
    {
        var sending = await CountAsync(MessageStatus.Sending);
        var handed = await HasHandedOverAtAsync()
            ? await ScalarAsync($"SELECT COUNT(*) FROM Messages WHERE Status = {(int)MessageStatus.Sending} AND HandedOverAt IS NOT NULL")
            : 0;
        return (sending, handed);
    }

    /// <summary>The owners of the leases SENDING messages are under.</summary>
    public async Task<List<string>> LeaseOwnersAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT LeaseOwner FROM Messages WHERE Status = {(int)MessageStatus.Sending}";
        var owners = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) owners.Add(reader.GetString(0));
        return owners;
    }

    /// <summary>SENDING messages still under one of these owners' leases.</summary>
    public async Task<long> SendingUnderAsync(IReadOnlyList<string> owners) => (await InFlightUnderAsync(owners)).Sending;

    /// <summary>SENDING messages under one of these owners' leases, and of those how many carry the hand-over mark.</summary>
    public async Task<(long Sending, long HandedOver)> InFlightUnderAsync(IReadOnlyList<string> owners)
    {
        if (owners.Count == 0) return (0, 0);
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        var names = owners.Select((owner, i) => (Name: $"@o{i}", Owner: owner)).ToList();
        command.CommandText = $"""
            SELECT COUNT(*), COUNT(HandedOverAt) FROM Messages
            WHERE Status = {(int)MessageStatus.Sending} AND LeaseOwner IN ({string.Join(",", names.Select(n => n.Name))})
            """;
        foreach (var (name, owner) in names) command.Add(name, owner);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Every message with how many times the sandbox accepted its key.</summary>
    public async Task<List<Row>> RowsAsync()
    {
        var handedOver = await HasHandedOverAtAsync() ? "m.HandedOverAt" : "NULL";
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT m.Key, m.AccountId, m.Status, m.Error, m.ErrorCode, m.Attempts, m.ProviderMessageId, {handedOver},
                   COALESCE(s.Sends, 0), COALESCE(s.ProviderMessageId, '')
            FROM Messages m
            LEFT JOIN (SELECT MessageKey, COUNT(*) AS Sends, MIN(ProviderMessageId) AS ProviderMessageId FROM Sandbox_Sends GROUP BY MessageKey) s
                ON s.MessageKey = m.Key
            ORDER BY m.Id
            """;
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), (MessageStatus)reader.GetInt32(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.GetInt32(8), reader.GetString(9)));
        }
        return rows;
    }

    public async Task<Counts> CampaignCountsAsync(int campaignId)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Total, SentCount, FailedCount FROM Campaigns WHERE Id = @id";
        command.Add("@id", campaignId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException($"campaign {campaignId} not found");
        return new Counts(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    /// <summary>When the sandbox accepted each send (Unix ms, oldest first): what the provider saw of the pace.</summary>
    public async Task<List<long>> SentAtAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SentAt FROM Sandbox_Sends ORDER BY SentAt";
        var sentAt = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) sentAt.Add(reader.GetInt64(0));
        return sentAt;
    }

    /// <summary>Sent exactly once, failed for a sandbox rule, or in doubt only because it was handed over unanswered.</summary>
    public static void AssertAccountedFor(Row row)
    {
        switch (row.Status)
        {
            case MessageStatus.Submitted or MessageStatus.Delivered or MessageStatus.Read:
                Assert.Equal((1, row.SentProviderId), (row.Sends, row.ProviderMessageId));
                break;
            case MessageStatus.Failed when row.Error.StartsWith(MessageStore.OutcomeUnknown, StringComparison.Ordinal):
                Assert.True(row.HandedOverAt is not null, $"{row.Key} is outcome unknown but was never handed over: {row.Error}");
                break;
            case MessageStatus.Failed when row.AccountId.EndsWith("0000", StringComparison.Ordinal):
                Assert.Equal((SandboxProvider.Undeliverable, 0), (row.ErrorCode, row.Sends));
                break;
            case MessageStatus.Failed when row.AccountId.EndsWith("0001", StringComparison.Ordinal):
                Assert.Equal((SandboxProvider.EcosystemEngagement, 0), (row.ErrorCode, row.Sends));
                break;
            default:
                Assert.Fail($"{row.Key} ({row.AccountId}) ended {row.Status}: ({row.ErrorCode}) {row.Error}");
                break;
        }
    }

    /// <summary>Whether the schema has the hand-over mark yet (a database from before it has not).</summary>
    private async Task<bool> HasHandedOverAtAsync()
    {
        try
        {
            await ScalarAsync("SELECT COUNT(HandedOverAt) FROM Messages WHERE 1 = 0");
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<DbConnection> OpenAsync() => database.OpenAsync();
}
