using System.Data.Common;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// A campaign's messages go in through one prepared statement, reused for every chunk, with ids from one range
/// reserved up front (<see cref="ReserveIds"/>): a create that interleaves with this one's chunks gets ids after the
/// range, so a campaign's messages are always ids <c>FirstMessageId .. FirstMessageId + Total - 1</c>, and a page at any
/// offset is found by its id (CampaignLists).
/// </summary>
internal sealed class MessageInsert : IAsyncDisposable
{
    private readonly Campaign _campaign;
    private readonly TimeProvider _clock;
    private readonly DbCommand _insert;
    private readonly DbParameter _id;
    private readonly DbParameter _key;
    private readonly DbParameter _account;
    private readonly DbParameter _params;
    private DateTimeOffset _keysTime;

    public MessageInsert(DbConnection connection, Campaign campaign, int companyId, TimeProvider clock)
    {
        (_campaign, _clock, _keysTime) = (campaign, clock, campaign.CreatedAt.AddMilliseconds(-1));
        _insert = connection.Command(null, Sql(campaign.Id, companyId, campaign.CreatedAt));
        _id = _insert.Add("@id", 0L);
        _key = _insert.Add("@key", "");
        _account = _insert.Add("@account", "");
        _params = _insert.Add("@params", "");
    }

    public long LastId { get; private set; }

    /// <summary>
    /// Takes the next <paramref name="count"/> message ids for one campaign, in <paramref name="transaction"/>, and
    /// answers the first. The table is AUTOINCREMENT: raising its <c>sqlite_sequence</c> row is what keeps every later
    /// insert after the range, even one between two chunks of this campaign.
    /// </summary>
    public static long ReserveIds(DbConnection connection, DbTransaction transaction, int count)
    {
        using var command = connection.Command(transaction,
            """
            INSERT INTO sqlite_sequence (name, seq)
                SELECT 'Messages', COALESCE((SELECT MAX(Id) FROM Messages), 0)
                WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'Messages');
            UPDATE sqlite_sequence SET seq = seq + @count WHERE name = 'Messages' RETURNING seq - @count + 1;
            """);
        command.Add("@count", (long)count);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The INSERT of one message with <c>@id</c>, <c>@key</c>, <c>@account</c> and <c>@params</c> (the benchmark's floor runs it too).</summary>
    public static string Sql(int campaignId, int companyId, DateTimeOffset createdAt) =>
        $"""
        INSERT INTO Messages (Id, Key, CampaignId, CompanyId, AccountId, Params, Status, Error, ErrorCode, Attempts,
            ProviderMessageId, CreatedAt, NextAttemptAt, LeaseOwner, LeaseUntil)
        VALUES (@id, @key, {campaignId}, {companyId}, @account, @params, {(int)MessageStatus.Pending}, '', 0, 0,
            '', {createdAt.ToUnixTimeMilliseconds()}, 0, '', 0)
        """;

    public void Write(DbTransaction transaction, AccountNumbers.Rows rows)
    {
        _insert.Transaction = transaction;
        // Each chunk's keys are a millisecond later than the last chunk's at least, so they stay ascending (MessageKeys).
        _keysTime = _clock.GetUtcNow() is var now && now > _keysTime ? now : _keysTime.AddMilliseconds(1);
        var keys = MessageKeys.NewBatch(rows.AccountIds.Length, _keysTime);
        var id = LastId == 0 ? _campaign.FirstMessageId : LastId + 1;
        for (var i = 0; i < keys.Length; i++, id++)
        {
            _id.Value = id;
            _key.Value = keys[i];
            _account.Value = rows.AccountIds[i];
            _params.Value = rows.Params[i];
            // SQLite runs synchronously anyway; skipping the async wrapper matters at 100,000 rows.
            _insert.ExecuteNonQuery();
        }
        LastId = id - 1;
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
    }
}
