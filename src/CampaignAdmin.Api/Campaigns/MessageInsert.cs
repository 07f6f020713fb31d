using System.Data.Common;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>A campaign's messages go in through one prepared statement, reused for every chunk.</summary>
internal sealed class MessageInsert : IAsyncDisposable
{
    private readonly Campaign _campaign;
    private readonly TimeProvider _clock;
    private readonly DbCommand _insert;
    private readonly DbCommand _lastId;
    private readonly DbParameter _key;
    private readonly DbParameter _account;
    private readonly DbParameter _params;
    private DateTimeOffset _keysTime;

    public MessageInsert(DbConnection connection, Campaign campaign, int companyId, TimeProvider clock)
    {
        (_campaign, _clock, _keysTime) = (campaign, clock, campaign.CreatedAt.AddMilliseconds(-1));
        _insert = connection.Command(null, Sql(campaign.Id, companyId, campaign.CreatedAt));
        _lastId = connection.Command(null, "SELECT last_insert_rowid()");
        _key = _insert.Add("@key", "");
        _account = _insert.Add("@account", "");
        _params = _insert.Add("@params", "");
    }

    public long LastId { get; private set; }

    /// <summary>The INSERT of one message with <c>@key</c>, <c>@account</c> and <c>@params</c> (the benchmark's floor runs it too).</summary>
    public static string Sql(int campaignId, int companyId, DateTimeOffset createdAt) =>
        $"""
        INSERT INTO Messages (Key, CampaignId, CompanyId, AccountId, Params, Status, Error, ErrorCode, Attempts,
            ProviderMessageId, CreatedAt, NextAttemptAt, LeaseOwner, LeaseUntil)
        VALUES (@key, {campaignId}, {companyId}, @account, @params, {(int)MessageStatus.Pending}, '', 0, 0,
            '', {createdAt.ToUnixTimeMilliseconds()}, 0, '', 0)
        """;

    public void Write(DbTransaction transaction, AccountNumbers.Rows rows)
    {
        (_insert.Transaction, _lastId.Transaction) = (transaction, transaction);
        // Each chunk's keys are a millisecond later than the last chunk's at least, so they stay ascending (MessageKeys).
        _keysTime = _clock.GetUtcNow() is var now && now > _keysTime ? now : _keysTime.AddMilliseconds(1);
        var keys = MessageKeys.NewBatch(rows.AccountIds.Length, _keysTime);
        for (var i = 0; i < keys.Length; i++)
        {
            _key.Value = keys[i];
            _account.Value = rows.AccountIds[i];
            _params.Value = rows.Params[i];
            // SQLite runs synchronously anyway; skipping the async wrapper matters at 100,000 rows.
            _insert.ExecuteNonQuery();
            if (_campaign.FirstMessageId == 0) _campaign.FirstMessageId = (long)_lastId.ExecuteScalar()!;
        }
        LastId = (long)_lastId.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _lastId.DisposeAsync();
    }
}
