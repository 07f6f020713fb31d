using System.Net;
using CampaignAdmin.Dashboard.Tests.Support;
using CampaignAdmin.ServiceDefaults.Health;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>
/// The dashboard's own readiness: its database answers with its migrations applied. Run alone (remote mode) it serves the
/// health endpoints itself; embedded, the API's serve them and wait for the dashboard's database too. No sign-in, no detail.
/// </summary>
public sealed class HealthEndpointsTests
{
    /// <summary>Nothing listens there: the dashboard's health must not depend on the remote API answering.</summary>
    private static readonly Dictionary<string, string?> Remote = new()
    {
        ["CampaignApi:BaseUrl"] = "http://127.0.0.1:9/",
        ["CampaignApi:ApiKey"] = "ca_remote-key",
    };

    /// <summary>Ready at once: the embedded API's create warm-up is not what these tests wait for.</summary>
    private static readonly Dictionary<string, string?> Embedded = new() { ["Api:WarmUp"] = "false" };

    [Theory]
    [InlineData(HealthEndpoints.LivePath)]
    [InlineData(HealthEndpoints.ReadyPath)]
    public async Task TheDashboardAloneAnswersHealthyWithoutSigningIn(string path)
    {
        await using var host = await ProductHost.StartAsync(Remote);

        var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadyAnswers503WhileTheDashboardDatabaseLacksItsMigrationsAndLiveStays200(bool remote)
    {
        await using var host = await ProductHost.StartAsync(remote ? Remote : Embedded);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative))).StatusCode);

        // A new, empty file where the migrated one was (Pooling=false: nothing holds the old one open).
        File.Delete(host.DashboardDatabasePath);

        var ready = await host.Http.GetAsync(new Uri(HealthEndpoints.ReadyPath, UriKind.Relative));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(new Uri(HealthEndpoints.LivePath, UriKind.Relative))).StatusCode);
    }
}
