using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.ServiceDefaults.Data;

/// <summary>
/// Lower-case table, column, key and index names on PostgreSQL. PostgreSQL folds an unquoted name to lower case, so raw SQL
/// written once (<c>UPDATE Messages SET Status = …</c>) reaches these tables as written, and <c>psql</c> needs no quotes either.
/// </summary>
public static class PostgresNaming
{
    public static void Apply(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            entity.SetTableName(entity.GetTableName()!.ToLowerInvariant());
            foreach (var property in entity.GetProperties()) property.SetColumnName(property.GetColumnName().ToLowerInvariant());
            foreach (var key in entity.GetKeys()) key.SetName(key.GetName()!.ToLowerInvariant());
            foreach (var foreignKey in entity.GetForeignKeys()) foreignKey.SetConstraintName(foreignKey.GetConstraintName()!.ToLowerInvariant());
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName(index.GetDatabaseName()!.ToLowerInvariant());
        }
    }
}
