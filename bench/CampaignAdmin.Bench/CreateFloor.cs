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
/// params JSON) are made beforehand: computing them is the app's work, which the ratio to this floor shows. A round at a
/// time (<see cref="Round"/>), so the benchmark can take one beside each create it measures: both then see the same
/// machine, where a floor measured apart from the creates moved 30% between runs with the machine.
/// </summary>
internal sealed class CreateFloor : IDisposable
{
    private readonly string _directory;
    private readonly SqliteConnection _connection;
    private readonly byte[] _body;
    private readonly string[] _accounts;
    private readonly string[] _parameters;
    private int _campaignId;

    /// <summary>A fresh database with the app's schema; one round is run, unmeasured, so every round after it is warm.</summary>
    public CreateFloor(byte[] body)
    {
        _directory = Path.Combine(Path.GetTempPath(), "campaignadmin-bench-floor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "campaigns.db");
        using (var db = new CampaignDb(new DbContextOptionsBuilder<CampaignDb>().UseSqlite($"Data Source={path}").Options)) db.Database.Migrate();
        _connection = new SqliteConnection($"Data Source={path}");
        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            pragmas.CommandText = CampaignDataServices.SqlitePragmas.Pragmas;
            pragmas.ExecuteNonQuery();
        }
        _body = body;
        var request = JsonSerializer.Deserialize<CreateCampaignRequest>(body, CampaignJson.Options)!;
        _accounts = request.Clients.Select(c => c.AccountId).ToArray();
        _parameters = request.Clients.Select(c => JsonSerializer.Serialize(c.Params, CampaignJson.Options)).ToArray();
        Report.Note($"floor round 0: {Round():F0} ms, not counted");
        Checkpoint();
    }

    /// <summary>One round on the database as it has grown (a campaign more each round, as the app's does): parse, then insert.</summary>
    public double Round()
    {
        var keys = MessageKeys.NewBatch(_accounts.Length, DateTimeOffset.UtcNow);
        GC.Collect();
        var start = Stopwatch.GetTimestamp();
        _ = JsonSerializer.Deserialize<CreateCampaignRequest>(_body, CampaignJson.Options);
        Insert(_connection, ++_campaignId, keys, _accounts, _parameters);
        return Report.Ms(start);
    }

    /// <summary>Empties the floor's WAL into its database, outside any measured round (as the app's checkpointer does for it).</summary>
    public void Checkpoint()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Diagnostics: the same insert in the app's chunks (one transaction per <see cref="CampaignWriter.ChunkSize"/> rows),
    /// to tell what the chunking itself costs from what the app's other work does.
    /// </summary>
    public void NoteChunkedRounds(int rounds = 3)
    {
        var chunked = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var keys = MessageKeys.NewBatch(_accounts.Length, DateTimeOffset.UtcNow);
            GC.Collect();
            var start = Stopwatch.GetTimestamp();
            Insert(_connection, ++_campaignId, keys, _accounts, _parameters, CampaignWriter.ChunkSize);
            chunked.Add(Report.Ms(start));
            Checkpoint();
        }
        Report.Note($"floor insert in {CampaignWriter.ChunkSize:N0}-row transactions: {Report.Summary(chunked)}");
    }

    public void Dispose()
    {
        SqliteConnection.ClearPool(_connection);
        _connection.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
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
