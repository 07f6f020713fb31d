using CampaignAdmin.Api.Seeding;
using CampaignAdmin.Dashboard.Tests.Support;

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
        var product = await ProductHost.StartAsync();
        await using (product)
        {
            var http = product.Http;
            await http.GetAsync($"/v2/campaign/getAll?X-API-Key={Key}");
            await http.GetAsync($"/v2/campaign/getAll?apikey={DemoOptions.DevelopmentApiKey}&resultSize=3");
            await http.GetAsync($"/account/sign-in?password={Password}&token={Password}");
            // Signed out: redirected to the sign-in page, whose ReturnUrl then carries the query, escaped.
            await http.GetAsync($"/campaigns?access_token={Password}&key={Key}");
        }

        var lines = product.Logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("/account/sign-in?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("resultSize=3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ReturnUrl=", StringComparison.Ordinal));
        foreach (var secret in new[] { Key, Password, DemoOptions.DevelopmentApiKey })
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal) || l.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal));
    }
}
