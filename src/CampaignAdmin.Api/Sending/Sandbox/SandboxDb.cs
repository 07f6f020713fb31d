using CampaignAdmin.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CampaignAdmin.Api.Sending.Sandbox;

/// <summary>
/// The sandbox's own tables: in the campaigns database file, but in their own model, migrations and history table,
/// so the core schema never knows them and another provider's deployment never has them.
/// </summary>
public sealed class SandboxDb(DbContextOptions<SandboxDb> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__Sandbox_MigrationsHistory";

    /// <summary>
    /// Not <c>SandboxSends</c>: that was the core's table before the sandbox had its own. The core's migration drops it
    /// and this one creates its own, so the two sets of migrations never race over one table, in whichever order they run.
    /// </summary>
    public const string SendsTable = "Sandbox_Sends";

    public DbSet<SandboxSend> Sends => Set<SandboxSend>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<SandboxSend>(send =>
        {
            send.ToTable(SendsTable);
            send.HasIndex(s => s.To);
            // The provider lookup: "did you accept message X?" (SandboxProvider.FindAsync).
            send.HasIndex(s => s.MessageKey);
        });
    }
}

/// <summary>For <c>dotnet ef migrations add … --context SandboxDb --output-dir Sending/Sandbox/Migrations</c>.</summary>
internal sealed class SandboxDesignTimeFactory : IDesignTimeDbContextFactory<SandboxDb>
{
    public SandboxDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SandboxDb>()
        .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(SandboxDb.MigrationsHistoryTable)).Options);
}
