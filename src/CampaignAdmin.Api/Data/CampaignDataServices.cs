using System.Data.Common;
using CampaignAdmin.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CampaignAdmin.Api.Data;

public static class CampaignDataServices
{
    public const string ConnectionStringName = "Campaigns";
    public const string DefaultConnectionString = "Data Source=data/campaigns.db";

    /// <summary>EF Core on SQLite from <c>ConnectionStrings:Campaigns</c>; a relative file lives under the content root.</summary>
    public static IServiceCollection AddCampaignData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var database = new CampaignDatabase(SqlitePaths.Resolve(configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString, contentRoot));
        services.AddSingleton(database);
        services.AddSingleton<CampaignWriteGate>();
        services.AddDbContextFactory<CampaignDb>(options => options.UseCampaignDatabase(database));
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// The campaigns database with this app's connection settings. A provider that keeps its own tables there (its own
    /// context, migrations and history table) opens it with this too, so both sides share one file and one set of pragmas.
    /// </summary>
    public static DbContextOptionsBuilder UseCampaignDatabase(this DbContextOptionsBuilder options, CampaignDatabase database,
        Action<SqliteDbContextOptionsBuilder>? sqlite = null) =>
        options.UseSqlite(database.ConnectionString, sqlite).AddInterceptors(new SqlitePragmas());

    /// <summary>WAL lets readers run beside the dispatcher's writes; NORMAL sync is durable across process crashes in WAL.</summary>
    internal sealed class SqlitePragmas : DbConnectionInterceptor
    {
        // Checkpoints run in the background (WalCheckpointer), not inside whichever request's commit crosses the limit.
        internal const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000; " +
                                       "PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 0;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

/// <summary>Where the campaigns database is, resolved once at start-up.</summary>
public sealed record CampaignDatabase(string ConnectionString);
