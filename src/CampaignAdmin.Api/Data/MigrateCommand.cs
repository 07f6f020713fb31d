using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CampaignAdmin.Api.Data;

/// <summary>
/// <c>migrate</c>: apply the campaigns database's pending migrations with the same configuration as the server, then
/// exit: 0 when the schema is current, 1 with one sentence naming the settings (never the password) when the database
/// cannot be opened or migrated. For operators who migrate once before rolling several instances out.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configurationArgs = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray();
        if (configurationArgs.Length != args.Length)
        {
            await Console.Error.WriteLineAsync("usage: migrate [--Setting=value …]   apply pending migrations to the campaigns database and exit");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(configurationArgs);
        builder.Logging.ClearProviders();
        CampaignDatabase database;
        try
        {
            database = CampaignDatabase.Read(builder.Configuration, builder.Environment.ContentRootPath);
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }

        builder.Services.AddCampaignData(database);
        await using var app = builder.Build();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CampaignDb>>().CreateDbContextAsync();
        try
        {
            await DatabaseInitializer.CheckConnectionAsync(db, database, CancellationToken.None);
            // The history table first (as MigrateSchemaAsync does): reading what is pending opens a new SQLite file
            // read-only, where the connection's WAL pragma could not be set.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
            var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
            await db.MigrateSchemaAsync(CancellationToken.None);
            Console.WriteLine(pending == 0
                ? "The campaigns database is up to date: no migration to apply."
                : $"Applied {pending} migration(s) to the campaigns database.");
            return 0;
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
    }
}
