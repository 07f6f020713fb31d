using System.Security.Cryptography;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Refit;

namespace CampaignAdmin.Bench;

/// <summary>
/// CampaignAdmin.Api in this process on Kestrel (a free loopback port), on a fresh database (a temp SQLite file, or with
/// <c>--db postgres</c> a new database on this run's PostgreSQL server), with the sandbox provider unpaced and the demo
/// company seeded under a random key. Clients call it over real HTTP.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private ApiHost(WebApplication app, TestDatabase database, Uri baseAddress, string apiKey)
    {
        App = app;
        _database = database;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
        Http = CreateHttpClient();
        Api = RestService.For<ICampaignApi>(Http, ServiceCollectionExtensions.StrictRefitSettings);
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string ApiKey { get; }

    /// <summary>Raw client (the key is a default header); the Refit client shares it.</summary>
    public HttpClient Http { get; }

    public ICampaignApi Api { get; }

    /// <summary>The API's store for every host and child process of this run: <c>--db</c>.</summary>
    public static DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>What the database is, for the notes.</summary>
    public string Database => _database.Kind == DatabaseProvider.Sqlite ? $"SQLite {_database.SqlitePath}" : "PostgreSQL (this run's server)";

    /// <summary>A connection of the benchmark's own to the API's database (reads only).</summary>
    public Task<System.Data.Common.DbConnection> OpenDatabaseAsync() => _database.OpenAsync();

    public static async Task<ApiHost> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var database = new TestDatabase(Provider);
        var directory = database.Directory;
        var apiKey = "ca_bench_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = directory,
            Args = [],
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = new Dictionary<string, string?>
        {
            ["Dispatcher:MessagesPerSecond"] = "0",
            ["Demo:Seed"] = "true",
            ["Demo:ApiKey"] = apiKey,
            // The per-key limiter (100/s) would answer the measurement loops 429: this measures the API, not the limiter.
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in database.Settings) settings[key] = value;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCampaignApi();

        var app = builder.Build();
        app.MapCampaignApi();
        await app.StartAsync();

        var address = app.Urls.First();
        return new ApiHost(app, database, new Uri(address.EndsWith('/') ? address : address + "/"), apiKey);
    }

    private HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30), MaxConnectionsPerServer = 16 };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add(CampaignAdmin.Contracts.Wire.WireHeaders.ApiKey, ApiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await App.StopAsync(stop.Token);
        }
        finally
        {
            await App.DisposeAsync();
            _database.Dispose();
        }
    }
}
