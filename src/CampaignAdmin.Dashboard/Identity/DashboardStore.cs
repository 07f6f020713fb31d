using CampaignAdmin.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Dashboard.Identity;

/// <summary>
/// Which database holds the dashboard's users, roles, audit log and webhook secret (and, on PostgreSQL, its key ring):
/// <c>Database:Provider</c> and <c>ConnectionStrings:Dashboard</c>, read by the rules the API's store follows (<see cref="DatabaseSettings"/>).
/// </summary>
public sealed record DashboardStore(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "Dashboard";
    public const string DefaultSqliteConnectionString = "Data Source=data/dashboard.db";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DashboardStore Read(IConfiguration configuration, string contentRoot)
    {
        var provider = DatabaseSettings.ReadProvider(configuration);
        return new(provider, DatabaseSettings.ReadConnectionString(configuration, provider, ConnectionStringName, DefaultSqliteConnectionString, contentRoot));
    }

    public string CannotOpen(string reason) => DatabaseSettings.CannotOpen("dashboard database", Provider, ConnectionStringName, ConnectionString, reason);

    public DbContextOptionsBuilder Use(DbContextOptionsBuilder options) =>
        IsPostgres ? options.UseNpgsql(ConnectionString) : options.UseSqlite(ConnectionString);
}
