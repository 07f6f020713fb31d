using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Dashboard.Hosting;
using CampaignAdmin.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>
/// The whole product as CampaignAdmin.Web composes it (dashboard and embedded API, or the dashboard alone when the settings
/// name a remote API) on a loopback port and temporary SQLite
/// files, every category logging at Trace into <see cref="Logs"/>: for what only real HTTP through the real pipeline shows.
/// </summary>
public sealed class ProductHost : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("campaignadmin-product-").FullName;

    private ProductHost() { }

    public WebApplication App { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public string DashboardDatabasePath => Path.Combine(_directory, "dashboard.db");

    public static async Task<ProductHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var host = new ProductHost();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development, ContentRootPath = host._directory, ApplicationName = "CampaignAdmin.Web",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = $"Data Source={host.DashboardDatabasePath};Pooling=false",
            ["ConnectionStrings:Campaigns"] = $"Data Source={Path.Combine(host._directory, "campaigns.db")};Pooling=false",
            ["Admin:Email"] = "admin@test",
            ["Admin:Password"] = "Admin-password-1",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(host.Logs);
        // As CampaignAdmin.Web composes it: with CampaignApi:BaseUrl set, the dashboard alone (remote mode).
        var connection = builder.AddDashboard();
        if (connection.IsEmbedded) builder.AddEmbeddedCampaignApi();
        host.App = builder.Build();
        host.App.MapDashboard(connection.IsEmbedded ? api => api.MapCampaignApi() : null);
        await host.App.StartAsync();
        host.Http = new HttpClient { BaseAddress = new Uri(host.App.Urls.First()) };
        return host;
    }

    /// <summary>Stops the product (its logs are complete after this) and removes its files.</summary>
    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
    }
}
