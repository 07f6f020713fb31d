using System.Data.Common;
using CampaignAdmin.Api.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CampaignAdmin.Api.Data;

public static class CampaignDataServices
{
    /// <summary>EF Core on <paramref name="database"/>'s provider, with the raw SQL written for it.</summary>
    public static IServiceCollection AddCampaignData(this IServiceCollection services, CampaignDatabase database)
    {
        services.AddSingleton(database);
        services.AddSingleton(StoreSql.For(database.Provider));
        services.AddSingleton<CampaignWriteGate>();
        services.AddCampaignContext<CampaignDb, PostgresCampaignDb>(database.Provider);
        services.AddSingleton(TimeProvider.System);
        // Several API processes share one database there: the pace is kept in it, for all of them together.
        if (database.Provider == DatabaseProvider.Postgres) services.AddSingleton<Sending.ISharedPace, PostgresPace>();
        return services;
    }

    /// <summary>
    /// A context of the campaigns database. On PostgreSQL it is <typeparamref name="TPostgres"/>, the same model under
    /// its own migrations (EF Core finds a context's migrations by its type), still served as <typeparamref name="TDb"/>.
    /// A provider that keeps its own tables there (its own context, migrations and history table) registers its context
    /// with this too, so both sides share one database and one set of connection settings.
    /// </summary>
    /// <remarks>The provider decides the context's type here; the connection is the <see cref="CampaignDatabase"/> registered.</remarks>
    public static IServiceCollection AddCampaignContext<TDb, TPostgres>(this IServiceCollection services, DatabaseProvider provider,
        string? migrationsHistoryTable = null)
        where TDb : DbContext
        where TPostgres : TDb
        => services.AddProviderContextFactory<TDb, TPostgres>(provider, (services, options) =>
            options.UseCampaignDatabase(services.GetRequiredService<CampaignDatabase>(), migrationsHistoryTable));

    public static DbContextOptionsBuilder UseCampaignDatabase(this DbContextOptionsBuilder options, CampaignDatabase database,
        string? migrationsHistoryTable = null) => database.Provider switch
    {
        DatabaseProvider.Postgres => options.UseNpgsql(database.ConnectionString, postgres =>
        {
            if (migrationsHistoryTable is not null) postgres.MigrationsHistoryTable(migrationsHistoryTable);
        }),
        _ => options.UseSqlite(database.ConnectionString, sqlite =>
        {
            if (migrationsHistoryTable is not null) sqlite.MigrationsHistoryTable(migrationsHistoryTable);
        }).AddInterceptors(new SqlitePragmas()),
    };

    /// <summary>Options for a context of <paramref name="database"/> made by hand (design time, tools, tests).</summary>
    public static DbContextOptions<TDb> OptionsFor<TDb>(CampaignDatabase database, string? migrationsHistoryTable = null) where TDb : DbContext
    {
        var options = new DbContextOptionsBuilder<TDb>();
        options.UseCampaignDatabase(database, migrationsHistoryTable);
        return options.Options;
    }

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
