using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Seeding;
using CampaignAdmin.Dashboard.Hosting;
using CampaignAdmin.Dashboard.Tests.Support;
using CampaignAdmin.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>
/// The whole product as CampaignAdmin.Web composes it (dashboard and embedded API) over real HTTP, every category logging at
/// Trace: a key, token or password in a query string, or inside a sign-in page's return URL, never reaches a log line.
/// </summary>
public sealed class RequestLoggingTests
{
    private const string Key = "ca_Zq8xW3vB6nM1kL4jH7gF2dS5aP9oI0uY3tR6eW1qA2s";
    private const string Password = "hunter2-in-a-query";

    [Fact]
    public async Task SecretsInQueryStringsNeverReachTheLog()
    {
        var directory = Directory.CreateTempSubdirectory("campaignadmin-logs-").FullName;
        var logs = new CapturedLogs();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development, ContentRootPath = directory, ApplicationName = "CampaignAdmin.Web",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = $"Data Source={Path.Combine(directory, "dashboard.db")};Pooling=false",
            ["ConnectionStrings:Campaigns"] = $"Data Source={Path.Combine(directory, "campaigns.db")};Pooling=false",
            ["Admin:Email"] = "admin@test",
            ["Admin:Password"] = "Admin-password-1",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.AddDashboard();
        builder.AddEmbeddedCampaignApi();
        await using (var app = builder.Build())
        {
            app.MapDashboard(api => api.MapCampaignApi());
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            await http.GetAsync($"/v2/campaign/getAll?X-API-Key={Key}");
            await http.GetAsync($"/v2/campaign/getAll?apikey={DemoOptions.DevelopmentApiKey}&resultSize=3");
            await http.GetAsync($"/account/sign-in?password={Password}&token={Password}");
            // Signed out: redirected to the sign-in page, whose ReturnUrl then carries the query, escaped.
            await http.GetAsync($"/campaigns?access_token={Password}&key={Key}");
            await app.StopAsync();
        }
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* the OS cleans temp */ }

        var lines = logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("/account/sign-in?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("resultSize=3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ReturnUrl=", StringComparison.Ordinal));
        foreach (var secret in new[] { Key, Password, DemoOptions.DevelopmentApiKey })
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal) || l.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal));
    }
}
