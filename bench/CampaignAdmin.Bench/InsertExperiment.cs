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

    private enum KeyOrder
    {
        /// <summary>As CampaignCreator: 15 random bytes per message, inserted in client order.</summary>
        Random,
        /// <summary>The same random keys, sorted before they are handed out: the index fills in order within the batch.</summary>
        Sorted,
        /// <summary>A time prefix (6 bytes of Unix ms) and 9 random bytes, sorted: each campaign appends at the index's right edge.</summary>
        TimePrefixed,
    }

    private sealed record Variant(string Name, int RowsPerStatement = 1, string Pragmas = "", KeyOrder Keys = KeyOrder.Random,
        string[]? DropIndexes = null, int Prefill = 0, int Rounds = 2);

    /// <summary>Rows of earlier campaigns already in the table, as in a database that has been in use for a while.</summary>
    private const int PrefillRows = 300_000;

    private const string BigCache = "PRAGMA cache_size = -65536;";

    public static void Run(string schemaSourcePath, int rows)
    {
        var schema = ReadSchema(schemaSourcePath);
        var phones = Workload.Phones("50", 1_000_000, rows);
        var parameters = Enumerable.Range(0, rows).Select(i => JsonSerializer.Serialize(new List<string> { $"Customer {i}", $"ORD-{i:D6}" }, CampaignJson.Options)).ToArray();
        var prefill = Math.Min(PrefillRows, rows * 3);

        Variant[] variants =
        [
            new("A  as CampaignCreator (1 row/statement, random key order, default cache), empty table", Rounds: 3),
            new("B  A + PRAGMA cache_size=-65536 (64 MiB)", Pragmas: BigCache),
            new("C  A + keys sorted before insert", Keys: KeyOrder.Sorted),
            new("D  A without the unique Key index (what the key index costs)", DropIndexes: ["IX_Messages_Key"]),
            new("E  A + 100 rows/statement", RowsPerStatement: 100),
            new("H  no secondary indexes at all (floor)", DropIndexes: ["IX_Messages_Key", "IX_Messages_ProviderMessageId", "IX_Messages_CampaignId_Id", "IX_Messages_CampaignId_Status_Id"]),
            new("I  A without the ProviderMessageId index", DropIndexes: ["IX_Messages_ProviderMessageId"]),
            new($"A' as CampaignCreator, {prefill:N0} earlier messages in the table", Prefill: prefill),
            new($"B' A' + 64 MiB cache", Pragmas: BigCache, Prefill: prefill),
            new($"C' A' + keys sorted before insert", Keys: KeyOrder.Sorted, Prefill: prefill),
            new($"T' A' + time-prefixed keys", Keys: KeyOrder.TimePrefixed, Prefill: prefill),
            new($"U' A' + time-prefixed keys + 64 MiB cache", Keys: KeyOrder.TimePrefixed, Pragmas: BigCache, Prefill: prefill),
            new($"D' A' without the unique Key index", DropIndexes: ["IX_Messages_Key"], Prefill: prefill),
        ];
        var results = variants.ToDictionary(v => v, _ => new List<double>());
        for (var round = 0; round < variants.Max(v => v.Rounds); round++)
        {
            foreach (var variant in variants.Where(v => round < v.Rounds))
                results[variant].Add(RunVariantOnFreshFile(schema, variant, phones, parameters));
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
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;" + variant.Pragmas);
        foreach (var (name, sql) in schema)
            if (variant.DropIndexes?.Contains(name) != true) Execute(connection, sql);

        var earlier = DateTimeOffset.UtcNow.AddDays(-1);
        for (var done = 0; done < variant.Prefill; done += phones.Count)
        {
            var count = Math.Min(phones.Count, variant.Prefill - done);
            InsertRows(connection, 100 + done / phones.Count, Keys(count, variant.Keys, earlier.AddMinutes(done / phones.Count)), phones, parameters, count, variant.RowsPerStatement);
        }
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");

        GC.Collect();
        var start = Stopwatch.GetTimestamp();
        InsertRows(connection, 7, Keys(phones.Count, variant.Keys, DateTimeOffset.UtcNow), phones, parameters, phones.Count, variant.RowsPerStatement);
        return Report.Ms(start);
    }

    private static string[] Keys(int rows, KeyOrder order, DateTimeOffset now)
    {
        var keys = new string[rows];
        if (order == KeyOrder.TimePrefixed)
        {
            Span<byte> stamp = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(stamp, now.ToUnixTimeMilliseconds());
            var prefix = Convert.ToHexString(stamp[2..]);
            var random = RandomNumberGenerator.GetBytes(rows * (KeyBytes - 6));
            for (var i = 0; i < rows; i++) keys[i] = prefix + Convert.ToHexString(random, i * (KeyBytes - 6), KeyBytes - 6);
        }
        else
        {
            var keyBytes = RandomNumberGenerator.GetBytes(rows * KeyBytes);
            for (var i = 0; i < rows; i++) keys[i] = Convert.ToHexString(keyBytes, i * KeyBytes, KeyBytes);
        }
        if (order != KeyOrder.Random) Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    private static void InsertRows(SqliteConnection connection, int campaignId, string[] keys, List<string> phones, string[] parameters, int rows, int perStatement)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var transaction = connection.BeginTransaction();
        SqliteCommand? full = null;
        for (var offset = 0; offset < rows; offset += perStatement)
        {
            var count = Math.Min(perStatement, rows - offset);
            SqliteCommand command;
            if (count == perStatement && full is not null) command = full;
            else
            {
                command = Insert(connection, transaction, campaignId, count, now);
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
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, int campaignId, int rows, long now)
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
            sql.Append($"(@k{r}, {campaignId}, 1, @a{r}, @p{r}, 1, '', 0, 0, '', {now}, 0, '', 0)");
            command.Parameters.Add(new SqliteParameter($"@k{r}", ""));
            command.Parameters.Add(new SqliteParameter($"@a{r}", ""));
            command.Parameters.Add(new SqliteParameter($"@p{r}", ""));
        }
        command.CommandText = sql.ToString();
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
