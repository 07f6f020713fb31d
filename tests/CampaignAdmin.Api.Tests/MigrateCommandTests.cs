using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Tests;

/// <summary>The <c>migrate</c> command of the API binary: migrate once, before rolling several instances out.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class MigrateCommandTests
{
    [Fact]
    public Task MigrateAppliesEveryMigrationToAFreshSqliteDatabaseThenFindsNothingToApply() =>
        MigratesOnceThenFindsNothingToApply(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task MigrateAppliesEveryMigrationToAFreshPostgresDatabaseThenFindsNothingToApply() =>
        MigratesOnceThenFindsNothingToApply(DatabaseProvider.Postgres);

    private static async Task MigratesOnceThenFindsNothingToApply(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        int migrations;
        await using (var db = database.NewCampaignDb()) migrations = db.Database.GetMigrations().Count();

        var first = await RunAsync(Arguments(database.Settings));
        var second = await RunAsync(Arguments(database.Settings));

        Assert.Equal((0, $"Applied {migrations} migration(s) to the campaigns database.{Environment.NewLine}", ""), first);
        Assert.Equal((0, $"The campaigns database is up to date: no migration to apply.{Environment.NewLine}", ""), second);
        await using var migrated = database.NewCampaignDb();
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task MigrateOnAnUnreachableDatabaseFailsNamingTheSettingsButNotThePassword()
    {
        const string password = "secret-password-never-printed";
        var settings = new Dictionary<string, string>
        {
            [CampaignDatabase.ProviderSetting] = "Postgres",
            [CampaignDatabase.ConnectionStringSetting] = $"Host=127.0.0.1;Port={FreePorts.Next()};Database=campaigns;Username=api;Password={password};Timeout=5",
        };

        var (exit, output, error) = await RunAsync(Arguments(settings));

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith("The campaigns database cannot be opened (Database:Provider Postgres, ConnectionStrings:Campaigns \"Host=127.0.0.1;Port=", error);
        Assert.Contains(";Database=campaigns;Username=api;Timeout=5\"): ", error);
        Assert.DoesNotContain(password, error);
    }

    [Fact]
    public async Task MigrateWithAnUnknownProviderFailsNamingTheSetting()
    {
        var (exit, output, error) = await RunAsync(["--Database:Provider=Oracle"]);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("Database:Provider", error);
    }

    [Fact]
    public async Task MigrateWithAnArgumentThatIsNoSettingPrintsUsageAndFails()
    {
        var (exit, output, error) = await RunAsync(["now"]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"usage: migrate [--Setting=value …]   apply pending migrations to the campaigns database and exit{Environment.NewLine}", error);
    }

    private static string[] Arguments(IReadOnlyDictionary<string, string> settings) =>
        settings.Select(setting => $"--{setting.Key}={setting.Value}").ToArray();

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await Program.Main(["migrate", .. args]);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
