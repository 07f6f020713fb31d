using CampaignAdmin.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// Stores a campaign and one message per client, <see cref="ChunkSize"/> messages per transaction, preparing the next
/// chunk (rule 9's numbers, the params JSON) on another core while this one is written. Between chunks the write lock and
/// the thread are given up, so other requests keep flowing during a million-client create. Until its last chunk commits,
/// a campaign of several chunks is <see cref="Unfinished"/> and belongs to no company: no list, page or dispatcher sees
/// it. A failure midway removes what was written; after a crash midway, <see cref="RemoveUnfinishedAsync"/> does at start.
/// </summary>
internal sealed class CampaignWriter(CampaignDb db, CampaignWriteGate gate, TimeProvider clock)
{
    public const int ChunkSize = 1_000;
    public const string Unfinished = "creating";

    /// <summary>Writes <paramref name="campaign"/> as given, or answers rule 9's first error (and then nothing stays written).</summary>
    public async Task<string?> WriteAsync(Campaign campaign, CreateBody.ClientSource clients, AccountNumbers numbers, string?[]? echo,
        CancellationToken cancellationToken)
    {
        var (status, companyId) = (campaign.Status, campaign.CompanyId);
        var chunks = Math.Max(1, (clients.Count + ChunkSize - 1) / ChunkSize);
        var hidden = false;
        MessageInsert? insert = null;
        Task<AccountNumbers.Rows>? next = null;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var rows = numbers.Prepare(0, Math.Min(ChunkSize, clients.Count));
            for (var chunk = 0; ; chunk++)
            {
                var start = chunk * ChunkSize;
                var last = chunk == chunks - 1;
                if (!last)
                {
                    var (nextStart, nextCount) = (start + ChunkSize, Math.Min(ChunkSize, clients.Count - start - ChunkSize));
                    next = Task.Run(() => numbers.Prepare(nextStart, nextCount), CancellationToken.None);
                }
                if (numbers.FirstError(rows) is { } error)
                {
                    await SettleAsync(next);
                    if (hidden) await RemoveAsync(campaign, insert!.LastId);
                    return error;
                }
                if (echo is not null) rows.AccountIds.CopyTo(echo, start);

                using (await gate.EnterAsync(cancellationToken))
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    if (chunk == 0)
                    {
                        (campaign.Status, campaign.CompanyId) = last ? (status, companyId) : (Unfinished, 0);
                        db.Campaigns.Add(campaign);
                        await db.SaveChangesAsync(cancellationToken);
                        campaign.FirstMessageId = MessageInsert.ReserveIds(db.Database.GetDbConnection(), transaction.GetDbTransaction(), clients.Count);
                        insert = new MessageInsert(db.Database.GetDbConnection(), campaign, companyId, clock);
                    }
                    insert!.Write(transaction.GetDbTransaction(), rows);
                    if (last)
                    {
                        (campaign.Status, campaign.CompanyId, campaign.LastMessageId) = (status, companyId, insert.LastId);
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    await transaction.CommitAsync(cancellationToken);
                    hidden = !last;
                }
                if (last) return null;
                rows = await next!;
                next = null;
                // The pool's threads are few: let what queued during this chunk run before the next one.
                await Task.Yield();
            }
        }
        catch when (hidden)
        {
            await SettleAsync(next);
            await RemoveAsync(campaign, insert!.LastId);
            throw;
        }
        finally
        {
            if (insert is not null) await insert.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Campaigns a crash left unfinished, and their messages: run at start, before anything is served.</summary>
    public static async Task<int> RemoveUnfinishedAsync(CampaignDb db, CancellationToken cancellationToken)
    {
        var unfinished = db.Campaigns.Where(c => c.Status == Unfinished).Select(c => c.Id);
        await db.Messages.Where(m => unfinished.Contains(m.CampaignId)).ExecuteDeleteAsync(cancellationToken);
        return await db.Campaigns.Where(c => c.Status == Unfinished).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Takes back an unfinished campaign, a chunk's worth of messages per turn at the write lock.</summary>
    private async Task RemoveAsync(Campaign campaign, long lastId)
    {
        try
        {
            for (var from = campaign.FirstMessageId; from > 0 && from <= lastId; from += ChunkSize)
            {
                using var turn = await gate.EnterAsync(CancellationToken.None);
                var to = from + ChunkSize - 1;
                await db.Messages.Where(m => m.Id >= from && m.Id <= to && m.CampaignId == campaign.Id).ExecuteDeleteAsync(CancellationToken.None);
            }
            using (await gate.EnterAsync(CancellationToken.None))
                await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Still unfinished, so still invisible; the sweep at the next start removes it.
        }
    }

    private static async Task SettleAsync(Task? task)
    {
        if (task is null) return;
        try { await task; }
        catch (Exception exception) when (exception is not OutOfMemoryException) { /* its chunk is not written anyway */ }
    }
}
