using CampaignAdmin.Api.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>
/// The app started on a database from before the sandbox had its own tables: the core schema at its last migration
/// then, with the old <c>SandboxSends</c> table holding a send.
/// </summary>
public sealed class LegacyDatabaseFactory : ApiFactory
{
    public const string LastCoreMigrationWithSandboxSends = "20261126181920_ApiKeyManagesKeys";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using (var db = new CampaignDb(new DbContextOptionsBuilder<CampaignDb>().UseSqlite($"Data Source={DatabasePath}").Options))
        {
            db.GetService<IMigrator>().Migrate(LastCoreMigrationWithSandboxSends);
            db.Database.ExecuteSqlRaw(
                """
                INSERT INTO SandboxSends (ProviderMessageId, MessageKey, "To", Payload, SentAt)
                VALUES ('wamid.sandbox.OLD', 'old-key', '+966539079002', '{{}}', 0)
                """);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        base.ConfigureWebHost(builder);
    }
}
