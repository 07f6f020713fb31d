using System.Data.Common;
using CampaignAdmin.Api.Data;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// A campaign's messages go in chunk by chunk (<see cref="StoreSql.OpenMessageRows"/>: SQLite's prepared insert,
/// PostgreSQL's binary COPY), with ids from one range reserved up front (<see cref="StoreSql.ReserveIds"/>): a create
/// that interleaves with this one's chunks gets ids after the range, so a campaign's messages are always ids
/// <c>FirstMessageId .. FirstMessageId + Total - 1</c>, and a page at any offset is found by its id (CampaignLists).
/// </summary>
internal sealed class MessageInsert : IAsyncDisposable
{
    private readonly Campaign _campaign;
    private readonly TimeProvider _clock;
    private readonly MessageRows _rows;
    private DateTimeOffset _keysTime;

    public MessageInsert(StoreSql sql, DbConnection connection, Campaign campaign, int companyId, TimeProvider clock)
    {
        (_campaign, _clock, _keysTime) = (campaign, clock, campaign.CreatedAt.AddMilliseconds(-1));
        _rows = sql.OpenMessageRows(connection, campaign.Id, companyId, campaign.CreatedAt);
    }

    public long LastId { get; private set; }

    public void Write(DbTransaction transaction, AccountNumbers.Rows rows)
    {
        // Each chunk's keys are a millisecond later than the last chunk's at least, so they stay ascending (MessageKeys).
        _keysTime = _clock.GetUtcNow() is var now && now > _keysTime ? now : _keysTime.AddMilliseconds(1);
        var keys = MessageKeys.NewBatch(rows.AccountIds.Length, _keysTime);
        var first = LastId == 0 ? _campaign.FirstMessageId : LastId + 1;
        _rows.Write(transaction, first, keys, rows.AccountIds, rows.Params);
        LastId = first + keys.Length - 1;
    }

    public ValueTask DisposeAsync() => _rows.DisposeAsync();
}
