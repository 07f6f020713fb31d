using System.Data.Common;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Data.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>
/// One test's own campaigns database, on the provider this run tests (<c>CAMPAIGNADMIN_TEST_DATABASE</c> = <c>Sqlite</c>,
/// the default, or <c>Postgres</c>): a SQLite file in a temporary directory, or a fresh database on the run's
/// <see cref="PostgresServer"/>. Gone again when disposed.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string ProviderVariable = TestProvider.Variable;

    public static DatabaseProvider Provider => TestProvider.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static bool IsPostgres => TestProvider.IsPostgres;

    public TestDatabase() : this(Provider)
    {
    }

    /// <summary>A database on <paramref name="provider"/>, whatever this run tests (a test of PostgreSQL alone).</summary>
    public TestDatabase(DatabaseProvider provider)
    {
        Kind = provider;
        Directory = System.IO.Directory.CreateTempSubdirectory("campaignadmin-tests-").FullName;
        ConnectionString = OnPostgres ? PostgresServer.Shared.CreateDatabase() : $"Data Source={SqlitePath}";
    }

    /// <summary>This database's provider.</summary>
    public DatabaseProvider Kind { get; }

    private bool OnPostgres => Kind == DatabaseProvider.Postgres;

    /// <summary>A temporary directory of the test's own (the SQLite file lives here; a child process runs here).</summary>
    public string Directory { get; }

    public string SqlitePath => Path.Combine(Directory, "campaigns.db");

    public string ConnectionString { get; }

    /// <summary>The settings that point the API here, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [CampaignDatabase.ProviderSetting] = Kind.ToString(),
        [CampaignDatabase.ConnectionStringSetting] = ConnectionString,
    };

    /// <summary>The campaigns context on this database, for writing a state before the API starts.</summary>
    public CampaignDb NewCampaignDb()
    {
        var database = new CampaignDatabase(Kind, ConnectionString);
        return OnPostgres
            ? new PostgresCampaignDb(CampaignDataServices.OptionsFor<PostgresCampaignDb>(database))
            : new CampaignDb(CampaignDataServices.OptionsFor<CampaignDb>(database));
    }

    /// <summary>A connection from outside the API: no pool shared with it.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = OnPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqlitePath, Pooling = false, DefaultTimeout = 5 }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        if (OnPostgres) PostgresServer.Shared.DropDatabase(ConnectionString);
        else SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
