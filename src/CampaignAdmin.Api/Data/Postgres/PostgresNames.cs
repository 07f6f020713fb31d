using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Data.Postgres;

/// <summary>Lower-case names on PostgreSQL: the rule shared with the dashboard's database (<see cref="ServiceDefaults.Data.PostgresNaming"/>).</summary>
internal static class PostgresNames
{
    public static void Apply(ModelBuilder model) => ServiceDefaults.Data.PostgresNaming.Apply(model);
}
