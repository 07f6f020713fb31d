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
    private readonly MessageRows _rows;

    public MessageInsert(StoreSql sql, DbConnection connection, Campaign campaign, int companyId)
    {
        _campaign = campaign;
        _rows = sql.OpenMessageRows(connection, campaign.Id, companyId, campaign.CreatedAt);
    }

    public long LastId { get; private set; }

    public void Write(DbTransaction transaction, AccountNumbers.Rows rows)
    {
        var first = LastId == 0 ? _campaign.FirstMessageId : LastId + 1;
        _rows.Write(transaction, first, rows.Keys, rows.AccountIds, rows.Params);
        LastId = first + rows.Keys.Length - 1;
    }

    public ValueTask DisposeAsync() => _rows.DisposeAsync();
}
