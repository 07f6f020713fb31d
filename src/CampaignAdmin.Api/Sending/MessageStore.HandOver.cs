using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Sending;

/// <summary>The write-ahead mark: which messages are being handed to the provider (docs/SENDING.md, "Crashes").</summary>
public sealed partial class MessageStore
{
    /// <summary>
    /// Marks claimed messages as handed to the provider, in one statement committed before the provider call, and
    /// renews their lease. Returns the IDs marked: only those may be sent. A message not returned was deleted with its
    /// campaign since the claim, or is no longer SENDING under this lease.
    /// </summary>
    public async Task<HashSet<long>> HandOverAsync(string owner, IReadOnlyList<Claimed> messages, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var marked = new HashSet<long>();
        if (messages.Count == 0) return marked;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().Command(null,
            $"""
            UPDATE Messages SET HandedOverAt = @now, LeaseUntil = @leaseUntil
            WHERE {sql.IdIsOneOf("@ids")} AND Status = {(int)MessageStatus.Sending} AND LeaseOwner = @owner
            RETURNING Id
            """,
            ("@now", now.ToUnixTimeMilliseconds()), ("@leaseUntil", (now + lease).ToUnixTimeMilliseconds()), ("@owner", owner),
            ("@ids", sql.IdList(messages.Select(m => m.Id))));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) marked.Add(reader.GetInt64(0));
        return marked;
    }
}
