using System.Net.Http.Headers;
using CampaignAdmin.Api.Auth;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Seeding;
using CampaignAdmin.Api.Sending.Sandbox;
using CampaignAdmin.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>
/// The real API on its own database (<see cref="TestDatabase"/>: SQLite or PostgreSQL), seeded with the demo company, with a fast unpaced dispatcher and a sandbox
/// whose receipts come quickly. Each test class gets its own (xunit class fixture).
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string DemoKey = DemoOptions.DevelopmentApiKey;
    public const string OrderConfirmation = "c8630dcb-dc36-4968-8ca4-26a78893c1e6";

    private readonly Lazy<TestDatabase> _database = new(() => new TestDatabase());

    public TestDatabase Database => _database.Value;

    /// <summary>The SQLite file (SQLite runs only).</summary>
    public string DatabasePath => Database.SqlitePath;

    /// <summary>The database as the API's store writes it, read from outside: the messages and what the sandbox accepted.</summary>
    public SendLedger Ledger() => new(Database);

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["Dispatcher:MessagesPerSecond"] = "0",
            ["Dispatcher:PollInterval"] = "00:00:00.050",
            ["Dispatcher:RetryBackoff"] = "00:00:00.010",
            ["Sandbox:DeliveredAfter"] = "00:00:00.200",
            ["Sandbox:ReadAfter"] = "00:00:00.400",
            ["Logging:LogLevel:Default"] = "Warning",
            // Each test host would spend CPU warming up a create path no test times.
            ["Api:WarmUp"] = "false",
        };
        foreach (var (key, value) in Database.Settings) settings[key] = value;
        foreach (var (key, value) in Settings) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>The Refit client, as the dashboard uses it, with the given key (none when null).</summary>
    public ICampaignApi Campaigns(string? key = DemoKey) => RestService.For<ICampaignApi>(Http(key), ServiceCollectionExtensions.StrictRefitSettings);

    public IApiKeysApi Keys(string? key = DemoKey) => RestService.For<IApiKeysApi>(Http(key), ServiceCollectionExtensions.StrictRefitSettings);

    public ITemplatesApi Templates(string? key = DemoKey) => RestService.For<ITemplatesApi>(Http(key), ServiceCollectionExtensions.StrictRefitSettings);

    /// <summary>A raw client for malformed input.</summary>
    public HttpClient Http(string? key = DemoKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Add(CampaignAdmin.Contracts.Wire.WireHeaders.ApiKey, key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>A second tenant with its own key.</summary>
    public async Task<(int CompanyId, string Key)> CreateCompanyAsync(string name)
    {
        await using var db = await DbAsync();
        var company = new Company { Name = name, CreatedAt = DateTimeOffset.UtcNow };
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        var key = ApiKeys.Generate();
        await ApiKeys.AddAsync(db, company.Id, key, managesKeys: true);
        return (company.Id, key);
    }

    public async Task<CampaignDb> DbAsync()
    {
        _ = Server; // make sure the host (and its schema) exists
        return await Services.GetRequiredService<IDbContextFactory<CampaignDb>>().CreateDbContextAsync();
    }

    /// <summary>The sandbox provider's own tables: every send it accepted.</summary>
    public async Task<SandboxDb> SandboxDbAsync()
    {
        _ = Server;
        return await Services.GetRequiredService<IDbContextFactory<SandboxDb>>().CreateDbContextAsync();
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_database.IsValueCreated) _database.Value.Dispose();
    }
}
