using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Data.Postgres;
using CampaignAdmin.Api.Sending.Sandbox;
using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// <c>Database:Provider</c> picks the API's store; a setting that cannot work stops the start with one sentence naming
/// it, never the password; each provider's migrations build exactly the model.
/// </summary>
public sealed class DatabaseProviderTests
{
    private const string Password = "s3cret-pw";

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("sqlite", DatabaseProvider.Sqlite)]
    [InlineData("Postgres", DatabaseProvider.Postgres)]
    [InlineData("POSTGRES", DatabaseProvider.Postgres)]
    public void SqliteIsTheDefaultAndTheNameIsCaseInsensitive(string? setting, DatabaseProvider expected)
    {
        Assert.Equal(expected, CampaignDatabase.ReadProvider(Configuration((CampaignDatabase.ProviderSetting, setting))));
    }

    [Fact]
    public void AnUnknownProviderStopsTheStartNamingTheSettingAndTheChoices()
    {
        var error = StartError((CampaignDatabase.ProviderSetting, "Oracle"));

        Assert.Equal("Database:Provider \"Oracle\" is not a known database provider; choose one of: Sqlite, Postgres.", error);
    }

    [Fact]
    public void PostgresWithoutAConnectionStringStopsTheStartNamingTheSetting()
    {
        var error = StartError((CampaignDatabase.ProviderSetting, "Postgres"), (CampaignDatabase.ConnectionStringSetting, " "));

        Assert.Equal("ConnectionStrings:Campaigns must hold a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…) " +
                     "when Database:Provider is Postgres.", error);
    }

    [Theory]
    [InlineData($"Host=127.0.0.1;Password={Password};Colour=blue")]
    [InlineData($"Database=campaigns;Password={Password}")]
    [InlineData($"Host=127.0.0.1;Port=many;Password={Password}")]
    public void AConnectionStringNpgsqlCannotUseStopsTheStartWithoutShowingIt(string connectionString)
    {
        var error = StartError((CampaignDatabase.ProviderSetting, "Postgres"), (CampaignDatabase.ConnectionStringSetting, connectionString));

        Assert.Equal("ConnectionStrings:Campaigns is not a valid PostgreSQL connection string (Database:Provider is Postgres): it needs at least Host=….", error);
    }

    [Fact]
    public void AnUnreachableServerStopsTheStartNamingTheSettingButNeverThePassword()
    {
        var port = ApiProcess.FreePort();
        var connectionString = $"Host=127.0.0.1;Port={port};Database=campaigns;Username=api;Password={Password};Timeout=5";

        var error = StartError((CampaignDatabase.ProviderSetting, "Postgres"), (CampaignDatabase.ConnectionStringSetting, connectionString));

        Assert.Equal("The campaigns database cannot be opened (Database:Provider Postgres, ConnectionStrings:Campaigns " +
                     $"\"Host=127.0.0.1;Port={port};Database=campaigns;Username=api;Timeout=5\"): Failed to connect to 127.0.0.1:{port}", error);
    }

    [PostgresFact]
    public async Task AWrongPasswordStopsTheStartNamingTheSettingButNeverThePassword()
    {
        var server = PostgresServer.Shared;
        var role = "api_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server.Connection("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE ROLE {role} LOGIN PASSWORD 'the-right-one'", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server.Connection("postgres")) { Username = role, Password = Password };
        var shown = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Password = null };

        var error = StartError((CampaignDatabase.ProviderSetting, "Postgres"), (CampaignDatabase.ConnectionStringSetting, builder.ConnectionString));

        Assert.Equal($"The campaigns database cannot be opened (Database:Provider Postgres, ConnectionStrings:Campaigns \"{shown}\"): " +
                     $"28P01: password authentication failed for user \"{role}\"", error);
        Assert.DoesNotContain(Password, error);
    }

    [PostgresFact]
    public async Task ThePostgresMigrationsCreateTheTablesColumnsAndIndexesOfTheModel()
    {
        var connectionString = PostgresServer.Shared.CreateDatabase();
        try
        {
            var database = new CampaignDatabase(DatabaseProvider.Postgres, connectionString);
            await using var db = new PostgresCampaignDb(CampaignDataServices.OptionsFor<PostgresCampaignDb>(database));
            await using var sandbox = new PostgresSandboxDb(CampaignDataServices.OptionsFor<PostgresSandboxDb>(database, SandboxDb.MigrationsHistoryTable));
            await db.Database.MigrateAsync();
            await sandbox.Database.MigrateAsync();

            Assert.False(db.Database.HasPendingModelChanges());
            Assert.False(sandbox.Database.HasPendingModelChanges());
            var (columns, indexes) = await SchemaAsync(connectionString);
            Assert.Equal(ModelColumns(db, sandbox), columns);
            Assert.Equal(ModelIndexes(db, sandbox), indexes);
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(connectionString);
        }
    }

    [Fact]
    public void TheSqliteMigrationsStillMatchTheModel()
    {
        var database = new CampaignDatabase(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new CampaignDb(CampaignDataServices.OptionsFor<CampaignDb>(database));
        using var sandbox = new SandboxDb(CampaignDataServices.OptionsFor<SandboxDb>(database, SandboxDb.MigrationsHistoryTable));

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.False(sandbox.Database.HasPendingModelChanges());
    }

    /// <summary>"table.column" of every mapped property, and "table.index" of every index and primary key, as the model has them.</summary>
    private static SortedSet<string> ModelColumns(params DbContext[] contexts) => new(
        contexts.SelectMany(c => c.Model.GetEntityTypes()).SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}")),
        StringComparer.Ordinal);

    private static SortedSet<string> ModelIndexes(params DbContext[] contexts) => new(
        contexts.SelectMany(c => c.Model.GetEntityTypes()).SelectMany(e =>
            e.GetIndexes().Select(i => $"{e.GetTableName()}.{i.GetDatabaseName()}").Append($"{e.GetTableName()}.{e.FindPrimaryKey()!.GetName()}")),
        StringComparer.Ordinal);

    /// <summary>The same, as the database has them (its own migrations history tables left out).</summary>
    private static async Task<(SortedSet<string> Columns, SortedSet<string> Indexes)> SchemaAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (await NamesAsync(connection, "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'"),
            await NamesAsync(connection, "SELECT tablename || '.' || indexname FROM pg_indexes WHERE schemaname = 'public'"));
    }

    private static async Task<SortedSet<string>> NamesAsync(NpgsqlConnection connection, string sql)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (!reader.GetString(0).StartsWith("__", StringComparison.Ordinal)) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>What stops the app's start with these settings: the sentence it says.</summary>
    private static string StartError(params (string Key, string? Value)[] settings)
    {
        using var factory = new SettingsFactory(settings);
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        for (Exception? e = error; e is not null; e = e.InnerException)
            if (e is InvalidOperationException && e.Message.Contains("Database:Provider", StringComparison.Ordinal)) return e.Message;
        throw new Xunit.Sdk.XunitException($"no start-up error names Database:Provider: {error}");
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
        .Build();

    private sealed class SettingsFactory((string Key, string? Value)[] settings) : ApiFactory
    {
        protected override IDictionary<string, string?> Settings => settings.ToDictionary(s => s.Key, s => s.Value);
    }
}
