using System.Data.Common;
using System.Linq.Expressions;
using System.Text.Json;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Data.Sqlite;

/// <summary>The SQLite side of <see cref="StoreSql"/>.</summary>
public sealed class SqliteStoreSql : StoreSql
{
    /// <summary>The table is AUTOINCREMENT: raising its <c>sqlite_sequence</c> row keeps every later insert after the range.</summary>
    public override long ReserveIds(DbConnection connection, DbTransaction transaction, int count)
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

    internal override MessageRows OpenMessageRows(DbConnection connection, int campaignId, int companyId, DateTimeOffset createdAt) =>
        new Inserts(connection, InsertSql(campaignId, companyId, createdAt));

    public override string IdIsOneOf(string parameter) => $"Id IN (SELECT value FROM json_each({parameter}))";

    public override object IdList(IEnumerable<long> ids) => JsonSerializer.Serialize(ids);

    public override string IsOneOf(string column, string parameter) => $"{column} IN (SELECT value FROM json_each({parameter}))";

    public override object TextList(IEnumerable<string> texts) => JsonSerializer.Serialize(texts);

    public override string ForUpdate => "";

    /// <summary>The transaction began IMMEDIATE: it holds the database's write lock already.</summary>
    public override void LockCompany(DbConnection connection, DbTransaction transaction, int companyId) { }

    /// <summary>One writer at a time: nothing to skip.</summary>
    public override string SkipLocked => "";

    public override Expression<Func<Campaign, bool>> NameIsLike(string pattern) => c => EF.Functions.Like(c.Name, pattern, "\\");

    /// <summary>The INSERT of one message with <c>@id</c>, <c>@key</c>, <c>@account</c> and <c>@params</c> (the benchmark's floor runs it too).</summary>
    public static string InsertSql(int campaignId, int companyId, DateTimeOffset createdAt) =>
        $"""
        INSERT INTO Messages (Id, Key, CampaignId, CompanyId, AccountId, Params, Status, Error, ErrorCode, Attempts,
            ProviderMessageId, CreatedAt, NextAttemptAt, LeaseOwner, LeaseUntil)
        VALUES (@id, @key, {campaignId}, {companyId}, @account, @params, {(int)MessageStatus.Pending}, '', 0, 0,
            '', {createdAt.ToUnixTimeMilliseconds()}, 0, '', 0)
        """;

    /// <summary>One prepared statement, reused for every row of every chunk.</summary>
    private sealed class Inserts : MessageRows
    {
        private readonly DbCommand _insert;
        private readonly DbParameter _id;
        private readonly DbParameter _key;
        private readonly DbParameter _account;
        private readonly DbParameter _params;

        public Inserts(DbConnection connection, string sql)
        {
            _insert = connection.Command(null, sql);
            _id = _insert.Add("@id", 0L);
            _key = _insert.Add("@key", "");
            _account = _insert.Add("@account", "");
            _params = _insert.Add("@params", "");
        }

        public override void Write(DbTransaction transaction, long firstId, string[] keys, string?[] accountIds, string[] parameters)
        {
            _insert.Transaction = transaction;
            for (var i = 0; i < keys.Length; i++)
            {
                _id.Value = firstId + i;
                _key.Value = keys[i];
                _account.Value = accountIds[i];
                _params.Value = parameters[i];
                // SQLite runs synchronously anyway; skipping the async wrapper matters at 100,000 rows.
                _insert.ExecuteNonQuery();
            }
        }

        public override ValueTask DisposeAsync() => _insert.DisposeAsync();
    }
}
