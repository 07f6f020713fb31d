using CampaignAdmin.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// Stores a campaign and one message per client, in chunks of <see cref="ChunkSize"/> that are read, checked (rule 9) and
/// prepared on another core ahead of the writer (<see cref="PreparedChunks"/>). A transaction holds one chunk when
/// another create waits for the write lock, and up to <see cref="MaxChunksPerTransaction"/> when nobody does and the next
/// chunk is ready: between transactions the lock and the thread are given up, so other requests keep flowing during a
/// million-client create. Until its last chunk commits, a campaign of several transactions is <see cref="Unfinished"/>
/// and belongs to no company: no list, page or dispatcher sees it. A failure midway removes what was written; after a
/// crash midway, <see cref="RemoveUnfinishedAsync"/> does at start.
/// </summary>
internal sealed class CampaignWriter(CampaignDb db, StoreSql sql, CampaignWriteGate gate)
{
    public const int ChunkSize = 1_000;

    /// <summary>
    /// At most this many chunks per transaction when nobody waits at the gate (8,000 rows). Every writer of the database
    /// queues there now (the dispatcher and receipts too), so a waiter still ends the transaction at the next chunk: with 8,
    /// a warm 100,000-client create took 642 ms instead of 712 and the requests beside a 450,000-client one waited at most
    /// 63 ms (2 had been kept while the dispatcher's writes slept in SQLite's busy wait, where 8 made them wait 276-324 ms).
    /// </summary>
    public const int MaxChunksPerTransaction = 8;

    public const string Unfinished = "creating";

    /// <summary>Writes <paramref name="campaign"/> as given, or answers rule 9's first error (and then nothing stays written).</summary>
    public async Task<string?> WriteAsync(Campaign campaign, CreateBody.ClientSource clients, AccountNumbers numbers, string?[]? echo,
        CancellationToken cancellationToken)
    {
        var (status, companyId) = (campaign.Status, campaign.CompanyId);
        var hidden = false;
        MessageInsert? insert = null;
        await using var chunks = new PreparedChunks(numbers, clients.Count);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            PreparedChunks.Chunk? chunk = null;
            while (true)
            {
                chunk ??= await chunks.NextAsync(cancellationToken);
                if (chunk.Error is { } error)
                {
                    if (hidden) await RemoveAsync(campaign, insert!.LastId);
                    return error;
                }
                bool last;
                await using (var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken))
                {
                    insert ??= await BeginAsync(campaign, chunks.Count == 1 ? (status, companyId) : (Unfinished, 0), companyId, clients.Count, transaction, cancellationToken);
                    for (var written = 1; ; written++)
                    {
                        if (echo is not null) chunk.Rows.AccountIds.CopyTo(echo, chunk.Start);
                        insert.Write(transaction.GetDbTransaction(), chunk.Rows);
                        last = chunk.Index == chunks.Count - 1;
                        // One more in this transaction only if it is ready, nobody waits for the lock, and there is room;
                        // a chunk that failed rule 9 is left for the loop's start, after this transaction.
                        chunk = null;
                        if (last || written == MaxChunksPerTransaction || gate.IsWanted || !chunks.TryNext(out chunk) || chunk.Error is not null) break;
                    }
                    if (last)
                    {
                        (campaign.Status, campaign.CompanyId, campaign.LastMessageId) = (status, companyId, insert.LastId);
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    await transaction.CommitAsync(cancellationToken);
                    hidden = !last;
                }
                if (last) return null;
                // The pool's threads are few: let what queued during this transaction run before the next one.
                await Task.Yield();
            }
        }
        catch when (hidden)
        {
            await RemoveAsync(campaign, insert!.LastId);
            throw;
        }
        finally
        {
            if (insert is not null) await insert.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The warm-up's rehearsal of a create's first transaction (the campaign row, its id range, its messages), rolled
    /// back: the first real create then pays neither for EF's insert path nor for preparing the statements. Nothing stays.
    /// </summary>
    public async Task RehearseAsync(Campaign campaign, AccountNumbers.Rows rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var transaction = await gate.BeginTransactionAsync(db.Database, cancellationToken))
            {
                await using (var insert = await BeginAsync(campaign, (Unfinished, 0), 0, rows.AccountIds.Length, transaction, cancellationToken))
                    insert.Write(transaction.GetDbTransaction(), rows);
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A create's first steps, in its first transaction: the campaign row as <paramref name="row"/>, its id range, the insert for its messages.</summary>
    private async Task<MessageInsert> BeginAsync(Campaign campaign, (string Status, int CompanyId) row, int messagesCompanyId, int messages,
        IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        (campaign.Status, campaign.CompanyId) = row;
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        campaign.FirstMessageId = sql.ReserveIds(db.Database.GetDbConnection(), transaction.GetDbTransaction(), messages);
        return new MessageInsert(sql, db.Database.GetDbConnection(), campaign, messagesCompanyId);
    }

    /// <summary>
    /// How old an unfinished create must be before a start takes it for a crash's leftover when other processes share the
    /// database: a million-client create takes seconds, so one begun this long ago is no longer running anywhere.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Campaigns a crash left unfinished, begun before <paramref name="startedBefore"/>, and their messages: run at start,
    /// before anything is served. On a database only this process writes, every unfinished create is a leftover; on a
    /// shared one, a create begun less than <see cref="AbandonedAfter"/> ago may be another process's, still running.
    /// </summary>
    public static async Task<int> RemoveUnfinishedAsync(CampaignDb db, DateTimeOffset startedBefore, CancellationToken cancellationToken)
    {
        var unfinished = db.Campaigns.Where(c => c.Status == Unfinished && c.CreatedAt < startedBefore);
        var ids = unfinished.Select(c => c.Id);
        await db.Messages.Where(m => ids.Contains(m.CampaignId)).ExecuteDeleteAsync(cancellationToken);
        return await unfinished.ExecuteDeleteAsync(cancellationToken);
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
}
