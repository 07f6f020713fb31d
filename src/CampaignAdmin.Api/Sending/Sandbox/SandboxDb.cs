using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CampaignAdmin.Api.Sending.Sandbox;

/// <summary>
/// The sandbox's own tables: in the campaigns database file, but in their own model, migrations and history table,
/// so the core schema never knows them and another provider's deployment never has them.
/// </summary>
public class SandboxDb : DbContext
{
    public SandboxDb(DbContextOptions<SandboxDb> options) : base(options)
    {
    }

    /// <summary>For <see cref="PostgresSandboxDb"/>, whose options are typed by it.</summary>
    protected SandboxDb(DbContextOptions options) : base(options)
    {
    }

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

/// <summary>The sandbox's tables on PostgreSQL: the same model under its own migrations (Sending/Sandbox/Postgres/Migrations).</summary>
public sealed class PostgresSandboxDb(DbContextOptions<PostgresSandboxDb> options) : SandboxDb(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        PostgresNames.Apply(model);
    }
}

/// <summary>For <c>dotnet ef migrations add … --context SandboxDb --output-dir Sending/Sandbox/Migrations</c>.</summary>
internal sealed class SandboxDesignTimeFactory : IDesignTimeDbContextFactory<SandboxDb>
{
    public SandboxDb CreateDbContext(string[] args) =>
        new(CampaignDataServices.OptionsFor<SandboxDb>(DesignTimeDatabases.Sqlite, SandboxDb.MigrationsHistoryTable));
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresSandboxDb --output-dir Sending/Sandbox/Postgres/Migrations</c>.</summary>
internal sealed class PostgresSandboxDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSandboxDb>
{
    public PostgresSandboxDb CreateDbContext(string[] args) =>
        new(CampaignDataServices.OptionsFor<PostgresSandboxDb>(DesignTimeDatabases.Postgres, SandboxDb.MigrationsHistoryTable));
}
