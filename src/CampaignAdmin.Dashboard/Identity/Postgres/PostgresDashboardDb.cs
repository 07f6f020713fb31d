using CampaignAdmin.ServiceDefaults.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Dashboard.Identity.Postgres;

/// <summary>
/// The dashboard database on PostgreSQL: the same model under its own migrations (Identity/Postgres/Migrations), lower-case
/// names like the API's store, plus the Data Protection key ring, so every dashboard instance on this database reads the
/// cookies any other issued. (On SQLite, one dashboard, the key ring stays in files: docs/DECISIONS.md.)
/// </summary>
public sealed class PostgresDashboardDb(DbContextOptions<PostgresDashboardDb> options) : DashboardDb(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        PostgresNaming.Apply(builder);
    }
}
