using System.Security.Cryptography;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Refit;

namespace CampaignAdmin.Bench;

/// <summary>
/// CampaignAdmin.Api in this process on Kestrel (a free loopback port), on a fresh temp SQLite file, with the sandbox
/// provider unpaced and the demo company seeded under a random key. Clients call it over real HTTP.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly string _directory;

    private ApiHost(WebApplication app, string directory, Uri baseAddress, string apiKey)
    {
        App = app;
        _directory = directory;
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

    public string DatabasePath => Path.Combine(_directory, "campaigns.db");

    public static async Task<ApiHost> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "campaignadmin-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
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
            ["ConnectionStrings:Campaigns"] = $"Data Source={Path.Combine(directory, "campaigns.db")}",
            ["Dispatcher:MessagesPerSecond"] = "0",
            ["Demo:Seed"] = "true",
            ["Demo:ApiKey"] = apiKey,
            // The per-key limiter (100/s) would answer the measurement loops 429: this measures the API, not the limiter.
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCampaignApi();

        var app = builder.Build();
        app.MapCampaignApi();
        await app.StartAsync();

        var address = app.Urls.First();
        return new ApiHost(app, directory, new Uri(address.EndsWith('/') ? address : address + "/"), apiKey);
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
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException exception)
            {
                Report.Note($"could not delete {_directory}: {exception.Message}");
            }
        }
    }
}
