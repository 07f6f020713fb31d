using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Data.Postgres;

/// <summary>The campaigns model on PostgreSQL: the same entities under their own migrations (Data/Postgres/Migrations).</summary>
public sealed class PostgresCampaignDb(DbContextOptions<PostgresCampaignDb> options) : CampaignDb(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        PostgresNames.Apply(model);
    }
}
