using System.Data.Common;
using System.Linq.Expressions;

namespace CampaignAdmin.Api.Data;

/// <summary>
/// The raw SQL that differs between SQLite and PostgreSQL, in one place per provider (<see cref="Sqlite.SqliteStoreSql"/>,
/// <see cref="Postgres.PostgresStoreSql"/>). Everything else the hot paths write is plain SQL both run as it is.
/// </summary>
public abstract class StoreSql
{
    public static StoreSql For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => new Postgres.PostgresStoreSql(),
        _ => new Sqlite.SqliteStoreSql(),
    };

    /// <summary>
    /// Takes the next <paramref name="count"/> message ids for one campaign, in <paramref name="transaction"/>, and
    /// answers the first: every later insert, even one between two chunks of this campaign, gets ids after the range.
    /// </summary>
    public abstract long ReserveIds(DbConnection connection, DbTransaction transaction, int count);

    /// <summary>Writes one campaign's messages, a chunk at a time, with ids the caller reserved.</summary>
    internal abstract MessageRows OpenMessageRows(DbConnection connection, int campaignId, int companyId, DateTimeOffset createdAt);

    /// <summary>A condition "<c>Id</c> is one of the list in <paramref name="parameter"/>", which holds <see cref="IdList"/>'s value.</summary>
    public abstract string IdIsOneOf(string parameter);

    public abstract object IdList(IEnumerable<long> ids);

    /// <summary>A condition "<paramref name="column"/> is one of the texts in <paramref name="parameter"/>", which holds <see cref="TextList"/>'s value.</summary>
    public abstract string IsOneOf(string column, string parameter);

    public abstract object TextList(IEnumerable<string> texts);

    /// <summary>
    /// What ends a select whose rows the transaction goes on to change from what it read: on PostgreSQL they are locked
    /// until it ends (a writer in another process waits, then reads them anew); SQLite's transaction already holds the
    /// one write lock.
    /// </summary>
    public abstract string ForUpdate { get; }

    /// <summary>
    /// What ends the inner select of a claim: on PostgreSQL rows another claimer holds are skipped rather than waited
    /// for. The outer <c>Status</c> check keeps a claim exclusive either way.
    /// </summary>
    public abstract string SkipLocked { get; }

    /// <summary>
    /// Holds the company's row until <paramref name="transaction"/> ends, so that a check across its rows and the write
    /// that depends on it (a key count before an issue, "the caller's key still works" before a revoke) are not split by
    /// another request's. SQLite's transaction already holds the one write lock.
    /// </summary>
    public abstract void LockCompany(DbConnection connection, DbTransaction transaction, int companyId);

    /// <summary>A campaign's name matches a LIKE pattern (escaped with <c>\\</c>) in any case, as SQLite's LIKE does.</summary>
    public abstract Expression<Func<Campaign, bool>> NameIsLike(string pattern);
}

/// <summary>A campaign's message rows going in: fixed columns from the campaign, the rest per row.</summary>
internal abstract class MessageRows : IAsyncDisposable
{
    public abstract void Write(DbTransaction transaction, long firstId, string[] keys, string?[] accountIds, string[] parameters);

    public abstract ValueTask DisposeAsync();
}
