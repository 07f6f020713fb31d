using CampaignAdmin.ServiceDefaults;
using Npgsql;

namespace CampaignAdmin.Api.Data;

/// <summary>The API's store: <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>Postgres</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database holds the campaigns and how to reach it, read once at start-up from <c>Database:Provider</c> and
/// <c>ConnectionStrings:Campaigns</c>. A setting that cannot work stops the start, naming it (never the password).
/// </summary>
public sealed record CampaignDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderSetting = "Database:Provider";
    public const string ConnectionStringName = "Campaigns";
    public const string ConnectionStringSetting = "ConnectionStrings:" + ConnectionStringName;
    public const string DefaultSqliteConnectionString = "Data Source=data/campaigns.db";

    public const string PostgresNeedsConnectionString =
        $"{ConnectionStringSetting} must hold a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…) when {ProviderSetting} is Postgres.";

    public const string NotAPostgresConnectionString =
        $"{ConnectionStringSetting} is not a valid PostgreSQL connection string ({ProviderSetting} is Postgres): it needs at least Host=….";

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>The connection string without its password: what an error may show of it.</summary>
    public string Described => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ToString()
        : ConnectionString;

    public static CampaignDatabase Read(IConfiguration configuration, string contentRoot)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
            return new(provider, SqlitePaths.Resolve(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString, contentRoot));
        if (string.IsNullOrWhiteSpace(connectionString)) throw new InvalidOperationException(PostgresNeedsConnectionString);
        return new(provider, CheckPostgres(connectionString));
    }

    public static string UnknownProvider(string name) =>
        $"{ProviderSetting} \"{name}\" is not a known database provider; choose one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.";

    /// <summary>What stops the start when the database cannot be opened: the setting, the target without its password, the reason.</summary>
    public string CannotOpen(string reason) =>
        $"The campaigns database cannot be opened ({ProviderSetting} {Provider}, {ConnectionStringSetting} \"{Described}\"): {reason}";

    /// <summary><c>Database:Provider</c> alone: what a context's registration needs to know.</summary>
    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var name = configuration[ProviderSetting];
        if (string.IsNullOrWhiteSpace(name)) return DatabaseProvider.Sqlite;
        // Names only: Enum.TryParse would also take "1".
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
            if (string.Equals(provider.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return provider;
        throw new InvalidOperationException(UnknownProvider(name));
    }

    /// <summary>Npgsql's own parse (its messages name a keyword or a value, so none is shown: a value may be the password).</summary>
    private static string CheckPostgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try { builder = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new InvalidOperationException(NotAPostgresConnectionString);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new InvalidOperationException(NotAPostgresConnectionString);
        return builder.ConnectionString;
    }
}
