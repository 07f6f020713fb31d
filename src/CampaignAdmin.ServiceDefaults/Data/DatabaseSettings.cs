using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CampaignAdmin.ServiceDefaults.Data;

/// <summary><c>Database:Provider</c>: <c>Sqlite</c> (the default) or <c>Postgres</c>, for the API's store and the dashboard's alike.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The one reading of <c>Database:Provider</c> and a <c>ConnectionStrings:…</c> entry, for the API's store and the dashboard's
/// database: a setting that cannot work stops the start with a sentence naming it, never the password.
/// </summary>
public static class DatabaseSettings
{
    public const string ProviderSetting = "Database:Provider";

    public static string ConnectionStringSetting(string name) => "ConnectionStrings:" + name;

    public static string PostgresNeedsConnectionString(string name) =>
        $"{ConnectionStringSetting(name)} must hold a PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…) when {ProviderSetting} is Postgres.";

    public static string NotAPostgresConnectionString(string name) =>
        $"{ConnectionStringSetting(name)} is not a valid PostgreSQL connection string ({ProviderSetting} is Postgres): it needs at least Host=….";

    public static string UnknownProvider(string name) =>
        $"{ProviderSetting} \"{name}\" is not a known database provider; choose one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.";

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

    /// <summary>
    /// <c>ConnectionStrings:<paramref name="name"/></c> for <paramref name="provider"/>: on SQLite the file under the content root
    /// (<paramref name="sqliteDefault"/> when unset), on PostgreSQL a connection string Npgsql accepts.
    /// </summary>
    public static string ReadConnectionString(IConfiguration configuration, DatabaseProvider provider, string name, string sqliteDefault, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString(name);
        if (provider == DatabaseProvider.Sqlite)
            return SqlitePaths.Resolve(string.IsNullOrWhiteSpace(connectionString) ? sqliteDefault : connectionString, contentRoot);
        if (string.IsNullOrWhiteSpace(connectionString)) throw new InvalidOperationException(PostgresNeedsConnectionString(name));
        return CheckPostgres(connectionString, name);
    }

    /// <summary>The connection string without its password: what an error may show of it.</summary>
    public static string Described(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ToString()
        : connectionString;

    /// <summary>What stops the start when <paramref name="what"/> cannot be opened: the settings, the target without its password, the reason.</summary>
    public static string CannotOpen(string what, DatabaseProvider provider, string name, string connectionString, string reason) =>
        $"The {what} cannot be opened ({ProviderSetting} {provider}, {ConnectionStringSetting(name)} \"{Described(provider, connectionString)}\"): {reason}";

    /// <summary>
    /// Opens <paramref name="connection"/> once, so a wrong or unreachable database stops the start with <paramref name="cannotOpen"/>'s
    /// sentence, not a stack of driver errors. A PostgreSQL database that does not exist yet is fine: migrating creates it.
    /// </summary>
    public static async Task CheckConnectionAsync(DbConnection connection, Func<string, string> cannotOpen, CancellationToken cancellationToken)
    {
        // The connection itself, not EF's: its execution strategy would wrap the reason in a sentence about transient failures.
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.CloseAsync();
        }
        catch (DbException exception) when (exception is not PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName })
        {
            throw new InvalidOperationException(cannotOpen(exception.Message), exception);
        }
    }

    /// <summary>Npgsql's own parse (its messages name a keyword or a value, so none is shown: a value may be the password).</summary>
    private static string CheckPostgres(string connectionString, string name)
    {
        NpgsqlConnectionStringBuilder builder;
        try { builder = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new InvalidOperationException(NotAPostgresConnectionString(name));
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new InvalidOperationException(NotAPostgresConnectionString(name));
        return builder.ConnectionString;
    }
}
