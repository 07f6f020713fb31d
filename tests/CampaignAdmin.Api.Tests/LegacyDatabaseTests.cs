using CampaignAdmin.Api.Sending.Sandbox;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>A database whose core schema still holds the sandbox's sends starts, migrates both schemas, and sends.</summary>
public sealed class LegacyDatabaseTests(LegacyDatabaseFactory factory) : IClassFixture<LegacyDatabaseFactory>
{
    [SqliteFact("a database from before the sandbox had its own tables exists only as SQLite")]
    public async Task AnOldDatabaseStartsWithBothSchemasMigratedAndTheSandboxInItsOwnTable()
    {
        await using var db = await factory.DbAsync();
        await using var sandbox = await factory.SandboxDbAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Empty(await sandbox.Database.GetPendingMigrationsAsync());
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
        Assert.Contains(SandboxDb.SendsTable, tables);
        Assert.Contains(SandboxDb.MigrationsHistoryTable, tables);
        Assert.DoesNotContain("SandboxSends", tables);
    }

    [SqliteFact("a database from before the sandbox had its own tables exists only as SQLite")]
    public async Task AnOldDatabaseSendsAndTheSandboxRecordsEachSendOnce()
    {
        var api = factory.Campaigns();
        string[] numbers = ["+966539079002", "+966539079004"];
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: numbers));

        await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed && c.ReadCount == 2, what: "receipts");

        await using var sandbox = await factory.SandboxDbAsync();
        Assert.Equal(2, await sandbox.Sends.CountAsync(s => numbers.Contains(s.To)));
    }
}
