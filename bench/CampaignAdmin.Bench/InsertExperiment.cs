using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignAdmin.Contracts.Wire;
using Microsoft.Data.Sqlite;

namespace CampaignAdmin.Bench;

/// <summary>
/// The create path's bulk insert of messages, replayed on fresh SQLite files with the API's own schema, in variants, to
/// show what the insert costs and what would make it cheaper. Diagnostics only (stderr, with <c>--phases</c>).
/// </summary>
internal static class InsertExperiment
{
    private const int KeyBytes = 15;

    private sealed record Variant(string Name, int RowsPerStatement = 1, string Pragmas = "", bool SortedKeys = false, string[]? DropIndexes = null);

    private const int Rounds = 3;

    public static void Run(string schemaSourcePath, int rows)
    {
        var schema = ReadSchema(schemaSourcePath);
        var phones = Workload.Phones("50", 1_000_000, rows);
        var parameters = Enumerable.Range(0, rows).Select(i => JsonSerializer.Serialize(new List<string> { $"Customer {i}", $"ORD-{i:D6}" }, CampaignJson.Options)).ToArray();

        Variant[] variants =
        [
            new("A as CampaignCreator: 1 row/statement, random key order, default cache"),
            new("B A + PRAGMA cache_size=-65536 (64 MiB)", Pragmas: "PRAGMA cache_size = -65536;"),
            new("C A + keys sorted before insert (each still random)", SortedKeys: true),
            new("D A without the unique Key index (what random keys cost)", DropIndexes: ["IX_Messages_Key"]),
            new("E A + 100 rows/statement", RowsPerStatement: 100),
            new("F sorted keys + 64 MiB cache", Pragmas: "PRAGMA cache_size = -65536;", SortedKeys: true),
            new("G sorted keys + 64 MiB cache + 100 rows/statement", RowsPerStatement: 100, Pragmas: "PRAGMA cache_size = -65536;", SortedKeys: true),
            new("H no secondary indexes at all (floor)", DropIndexes: ["IX_Messages_Key", "IX_Messages_ProviderMessageId", "IX_Messages_CampaignId_Id", "IX_Messages_CampaignId_Status_Id"]),
        ];
        var results = variants.ToDictionary(v => v, _ => new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var variant in variants) results[variant].Add(RunVariantOnFreshFile(schema, variant, phones, parameters));
        }
        foreach (var (variant, samples) in results)
            Report.Note($"  insert {rows:N0} messages, {variant.Name}: min {samples.Min():F0} ms, median {Report.Median(samples):F0} ms ({string.Join(", ", samples.Select(s => s.ToString("F0")))})");
    }

    private static double RunVariantOnFreshFile(List<(string Name, string Sql)> schema, Variant variant, List<string> phones, string[] parameters)
    {
        var directory = Path.Combine(Path.GetTempPath(), "campaignadmin-insert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            return RunVariant(Path.Combine(directory, "x.db"), schema, variant, phones, parameters);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<(string Name, string Sql)> ReadSchema(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'Messages' AND sql IS NOT NULL ORDER BY type DESC";
        using var reader = command.ExecuteReader();
        var schema = new List<(string, string)>();
        while (reader.Read()) schema.Add((reader.GetString(0), reader.GetString(1)));
        return schema;
    }

    private static double RunVariant(string path, List<(string Name, string Sql)> schema, Variant variant, List<string> phones, string[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={path};Default Timeout=60");
        connection.Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;" + variant.Pragmas);
        foreach (var (name, sql) in schema)
            if (variant.DropIndexes?.Contains(name) != true) Execute(connection, null, sql);

        GC.Collect();
        var start = Stopwatch.GetTimestamp();
        var rows = phones.Count;
        var keyBytes = RandomNumberGenerator.GetBytes(rows * KeyBytes);
        var keys = new string[rows];
        for (var i = 0; i < rows; i++) keys[i] = Convert.ToHexString(keyBytes, i * KeyBytes, KeyBytes);
        if (variant.SortedKeys) Array.Sort(keys, StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        using var transaction = connection.BeginTransaction();
        var perStatement = variant.RowsPerStatement;
        SqliteCommand? full = null;
        for (var offset = 0; offset < rows; offset += perStatement)
        {
            var count = Math.Min(perStatement, rows - offset);
            SqliteCommand command;
            if (count == perStatement && full is not null) command = full;
            else
            {
                command = Insert(connection, transaction, count, now);
                command.Prepare();
                if (count == perStatement) full = command;
            }
            for (var r = 0; r < count; r++)
            {
                command.Parameters[r * 3].Value = keys[offset + r];
                command.Parameters[r * 3 + 1].Value = phones[offset + r];
                command.Parameters[r * 3 + 2].Value = parameters[offset + r];
            }
            command.ExecuteNonQuery();
            if (command != full) command.Dispose();
        }
        full?.Dispose();
        transaction.Commit();
        return Report.Ms(start);
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, int rows, long now)
    {
        var sql = new StringBuilder(
            """
            INSERT INTO Messages (Key, CampaignId, CompanyId, AccountId, Params, Status, Error, ErrorCode, Attempts,
                ProviderMessageId, CreatedAt, NextAttemptAt, LeaseOwner, LeaseUntil) VALUES
            """);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sql.Append(',');
            sql.Append($"(@k{r}, 7, 1, @a{r}, @p{r}, 1, '', 0, 0, '', {now}, 0, '', 0)");
            command.Parameters.Add(new SqliteParameter($"@k{r}", ""));
            command.Parameters.Add(new SqliteParameter($"@a{r}", ""));
            command.Parameters.Add(new SqliteParameter($"@p{r}", ""));
        }
        command.CommandText = sql.ToString();
        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
