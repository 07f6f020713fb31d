using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Data.Postgres;

/// <summary>
/// The campaigns model on PostgreSQL: the same entities under their own migrations (Data/Postgres/Migrations), and the
/// pace shared by several API processes (<see cref="PaceSlot"/>), which SQLite's single process keeps in memory.
/// </summary>
public sealed class PostgresCampaignDb(DbContextOptions<PostgresCampaignDb> options) : CampaignDb(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<PaceSlot>().ToTable("PaceSlots");
        PostgresNames.Apply(model);
    }
}
