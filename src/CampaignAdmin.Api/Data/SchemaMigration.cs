using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampaignAdmin.Api.Data;

public static class SchemaMigration
{
    /// <summary>
    /// Migrates <paramref name="db"/>'s schema. Its history table is made first: on a new PostgreSQL database Npgsql
    /// reads it before creating it and logs the (caught) failure as an error (npgsql/efcore.pg#3407).
    /// </summary>
    public static async Task MigrateSchemaAsync(this DbContext db, CancellationToken cancellationToken)
    {
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
