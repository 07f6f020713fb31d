using System.Diagnostics;
using System.Text.Json;
using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Data.Sqlite;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Bench;

/// <summary>
/// What a create cannot go below: System.Text.Json parsing the same body, plus a raw SQLite insert of the same rows (one
/// prepared statement, one transaction) into the app's schema with the app's PRAGMAs. The rows' values (keys, numbers,
/// params JSON) are made beforehand: computing them is the app's work, which the ratio to this floor shows.
/// </summary>
internal static class CreateFloor
{
    /// <summary>The median of <paramref name="rounds"/> after one unmeasured round, on a database that grows as the app's does.</summary>
    public static double Measure(byte[] body, int rounds = 3)
    {
        var directory = Path.Combine(Path.GetTempPath(), "campaignadmin-bench-floor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "campaigns.db");
        try
        {
            using (var db = new CampaignDb(new DbContextOptionsBuilder<CampaignDb>().UseSqlite($"Data Source={path}").Options)) db.Database.Migrate();
            using var connection = new SqliteConnection($"Data Source={path}");
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = CampaignDataServices.SqlitePragmas.Pragmas;
                pragmas.ExecuteNonQuery();
            }

            var request = JsonSerializer.Deserialize<CreateCampaignRequest>(body, CampaignJson.Options)!;
            var accounts = request.Clients.Select(c => c.AccountId).ToArray();
            var parameters = request.Clients.Select(c => JsonSerializer.Serialize(c.Params, CampaignJson.Options)).ToArray();
            var samples = new List<double>();
            for (var round = 0; round <= rounds; round++)
            {
                var keys = MessageKeys.NewBatch(accounts.Length, DateTimeOffset.UtcNow);
                GC.Collect();
                var start = Stopwatch.GetTimestamp();
                _ = JsonSerializer.Deserialize<CreateCampaignRequest>(body, CampaignJson.Options);
                var parsed = Stopwatch.GetTimestamp();
                Insert(connection, round + 1, keys, accounts, parameters);
                var ms = Report.Ms(start);
                Report.Note($"floor round {round}: {ms:F0} ms (parse {Stopwatch.GetElapsedTime(start, parsed).TotalMilliseconds:F0} ms){(round == 0 ? ", not counted" : "")}");
                if (round > 0) samples.Add(ms);
            }
            // Diagnostics: the same insert in the app's chunks (one transaction per CampaignWriter.ChunkSize rows), to tell
            // what the chunking itself costs from what the app's other work does.
            var chunked = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var keys = MessageKeys.NewBatch(accounts.Length, DateTimeOffset.UtcNow);
                GC.Collect();
                var start = Stopwatch.GetTimestamp();
                Insert(connection, rounds + 2 + round, keys, accounts, parameters, CampaignWriter.ChunkSize);
                chunked.Add(Report.Ms(start));
            }
            Report.Note($"floor insert in {CampaignWriter.ChunkSize:N0}-row transactions: {Report.Summary(chunked)}");
            return Report.Median(samples);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static void Insert(SqliteConnection connection, int campaignId, string[] keys, string[] accounts, string[] parameters, int chunk = int.MaxValue)
    {
        var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = SqliteStoreSql.InsertSql(campaignId, 1, DateTimeOffset.UtcNow);
        var id = insert.Parameters.Add("@id", SqliteType.Integer);
        var key = insert.Parameters.Add("@key", SqliteType.Text);
        var account = insert.Parameters.Add("@account", SqliteType.Text);
        var param = insert.Parameters.Add("@params", SqliteType.Text);
        insert.Prepare();
        var first = new SqliteStoreSql().ReserveIds(connection, transaction, keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            if (i > 0 && i % chunk == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                insert.Transaction = transaction = connection.BeginTransaction();
            }
            (id.Value, key.Value, account.Value, param.Value) = (first + i, keys[i], accounts[i], parameters[i]);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        transaction.Dispose();
    }
}
