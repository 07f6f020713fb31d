using System.Data.Common;
using System.Linq.Expressions;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CampaignAdmin.Api.Data.Postgres;

/// <summary>The PostgreSQL side of <see cref="StoreSql"/>.</summary>
public sealed class PostgresStoreSql : StoreSql
{
    /// <summary>Any number, the same in every process: the one lock that reserving message ids takes.</summary>
    private const long ReserveIdsLock = 0x4341_4D50_4D53_4731; // "CAMPMSG1"

    /// <summary>
    /// Moves the identity sequence on by the whole range. A sequence is not transactional, so reservers (in any process)
    /// take turns at a transaction-level advisory lock: nobody's <c>nextval</c> lands between this one's and its
    /// <c>setval</c>. A rolled-back create leaves a gap, which paging by id does not mind.
    /// </summary>
    public override long ReserveIds(DbConnection connection, DbTransaction transaction, int count)
    {
        using (var locking = connection.Command(transaction, "SELECT pg_advisory_xact_lock(@lock)", ("@lock", ReserveIdsLock)))
            locking.ExecuteNonQuery();
        using var reserve = connection.Command(transaction,
            """
            SELECT setval(pg_get_serial_sequence('messages', 'id'), nextval(pg_get_serial_sequence('messages', 'id')) + @count - 1) - @count + 1
            """, ("@count", (long)count));
        return (long)reserve.ExecuteScalar()!;
    }

    internal override MessageRows OpenMessageRows(DbConnection connection, int campaignId, int companyId, DateTimeOffset createdAt) =>
        new Copy((NpgsqlConnection)connection, campaignId, companyId, createdAt.ToUnixTimeMilliseconds());

    public override string IdIsOneOf(string parameter) => $"Id = ANY({parameter})";

    public override object IdList(IEnumerable<long> ids) => ids.ToArray();

    public override string IsOneOf(string column, string parameter) => $"{column} = ANY({parameter})";

    public override object TextList(IEnumerable<string> texts) => texts.ToArray();

    public override string ForUpdate => "FOR UPDATE";

    public override void LockCompany(DbConnection connection, DbTransaction transaction, int companyId)
    {
        using var locking = connection.Command(transaction, "SELECT id FROM companies WHERE id = @id FOR UPDATE", ("@id", companyId));
        locking.ExecuteNonQuery();
    }

    public override string SkipLocked => "FOR UPDATE SKIP LOCKED";

    /// <summary>PostgreSQL's LIKE minds case; ILIKE is what SQLite's LIKE is.</summary>
    public override Expression<Func<Campaign, bool>> NameIsLike(string pattern) => c => EF.Functions.ILike(c.Name, pattern, "\\");

    /// <summary>Each chunk is one binary <c>COPY</c>, in the caller's transaction (COPY runs in the connection's).</summary>
    private sealed class Copy(NpgsqlConnection connection, int campaignId, int companyId, long createdAt) : MessageRows
    {
        private const string Sql =
            """
            COPY messages (id, key, campaignid, companyid, accountid, params, status, error, errorcode, attempts,
                providermessageid, createdat, nextattemptat, leaseowner, leaseuntil) FROM STDIN (FORMAT BINARY)
            """;

        public override void Write(DbTransaction transaction, long firstId, string[] keys, string?[] accountIds, string[] parameters)
        {
            using var copy = connection.BeginBinaryImport(Sql);
            for (var i = 0; i < keys.Length; i++)
            {
                copy.StartRow();
                copy.Write(firstId + i, NpgsqlDbType.Bigint);
                copy.Write(keys[i], NpgsqlDbType.Text);
                copy.Write(campaignId, NpgsqlDbType.Integer);
                copy.Write(companyId, NpgsqlDbType.Integer);
                copy.Write(accountIds[i], NpgsqlDbType.Text);
                copy.Write(parameters[i], NpgsqlDbType.Text);
                copy.Write((int)MessageStatus.Pending, NpgsqlDbType.Integer);
                copy.Write("", NpgsqlDbType.Text);
                copy.Write(0, NpgsqlDbType.Integer);
                copy.Write(0, NpgsqlDbType.Integer);
                copy.Write("", NpgsqlDbType.Text);
                copy.Write(createdAt, NpgsqlDbType.Bigint);
                copy.Write(0L, NpgsqlDbType.Bigint);
                copy.Write("", NpgsqlDbType.Text);
                copy.Write(0L, NpgsqlDbType.Bigint);
            }
            copy.Complete();
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
