namespace CampaignAdmin.Api.Data;

/// <summary>
/// Which database holds the campaigns and how to reach it, read once at start-up from <c>Database:Provider</c> and
/// <c>ConnectionStrings:Campaigns</c> (<see cref="DatabaseSettings"/>, shared with the dashboard). A setting that cannot work
/// stops the start, naming it (never the password).
/// </summary>
public sealed record CampaignDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderSetting = DatabaseSettings.ProviderSetting;
    public const string ConnectionStringName = "Campaigns";
    public const string ConnectionStringSetting = "ConnectionStrings:" + ConnectionStringName;
    public const string DefaultSqliteConnectionString = "Data Source=data/campaigns.db";

    public static readonly string PostgresNeedsConnectionString = DatabaseSettings.PostgresNeedsConnectionString(ConnectionStringName);

    public static readonly string NotAPostgresConnectionString = DatabaseSettings.NotAPostgresConnectionString(ConnectionStringName);

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>The connection string without its password: what an error may show of it.</summary>
    public string Described => DatabaseSettings.Described(Provider, ConnectionString);

    public static CampaignDatabase Read(IConfiguration configuration, string contentRoot)
    {
        var provider = ReadProvider(configuration);
        return new(provider, DatabaseSettings.ReadConnectionString(configuration, provider, ConnectionStringName, DefaultSqliteConnectionString, contentRoot));
    }

    public static string UnknownProvider(string name) => DatabaseSettings.UnknownProvider(name);

    /// <summary>What stops the start when the database cannot be opened: the setting, the target without its password, the reason.</summary>
    public string CannotOpen(string reason) => DatabaseSettings.CannotOpen("campaigns database", Provider, ConnectionStringName, ConnectionString, reason);

    /// <summary><c>Database:Provider</c> alone: what a context's registration needs to know.</summary>
    public static DatabaseProvider ReadProvider(IConfiguration configuration) => DatabaseSettings.ReadProvider(configuration);
}
