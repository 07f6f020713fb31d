namespace CampaignAdmin.Tests.Shared;

/// <summary>A test of something only SQLite has (its files, PRAGMAs, WAL, the legacy SQLite migrations): skipped, saying so, on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute(string why)
    {
        if (TestProvider.IsPostgres) Skip = $"SQLite only: {why}";
    }
}

/// <summary>A test that needs the run's PostgreSQL server: skipped, saying why, where PostgreSQL is not installed.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Missing is { } missing) Skip = missing;
    }
}
