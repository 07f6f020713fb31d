using System.Net;
using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.ServiceDefaults.Health;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignAdmin.Api.Tests;

/// <summary>Liveness and readiness, without a key, and nothing on the wire but the verdict.</summary>
public sealed class HealthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(HealthEndpoints.LivePath)]
    [InlineData(HealthEndpoints.ReadyPath)]
    public async Task AnswersHealthyWithoutAKey(string path)
    {
        var response = await factory.Http(key: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AWrongKeyDoesNotMatterEither()
    {
        var response = await factory.Http(key: "wrong").GetAsync(HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>The warm-up is on but never ends (its service removed): live, but not ready, and no reason is told.</summary>
public sealed class NotWarmHealthTests(NotWarmHealthTests.Factory factory) : IClassFixture<NotWarmHealthTests.Factory>
{
    [Fact]
    public async Task ReadyAnswers503UnhealthyUntilTheCreatePathIsWarmAndLiveStays200()
    {
        var http = factory.Http(key: null);

        var ready = await http.GetAsync(HealthEndpoints.ReadyPath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoints.LivePath)).StatusCode);

        factory.Services.GetRequiredService<WarmUpState>().Warmed();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoints.ReadyPath)).StatusCode);
    }

    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [CreateWarmUp.Setting] = "true" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var warmUp = services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(CreateWarmUp));
                services.Remove(warmUp);
            });
        }
    }
}

/// <summary>The dispatcher's loop ends while the host runs: live, but not ready, since nothing would be sent.</summary>
public sealed class StoppedDispatcherHealthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ReadyAnswers503OnceTheDispatcherHasStopped()
    {
        var http = factory.Http(key: null);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoints.ReadyPath)).StatusCode);

        var dispatcher = factory.Services.GetServices<IHostedService>().OfType<CampaignAdmin.Api.Sending.Dispatcher>().Single();
        await dispatcher.StopAsync(CancellationToken.None);

        var ready = await http.GetAsync(HealthEndpoints.ReadyPath);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthEndpoints.LivePath)).StatusCode);
    }
}

/// <summary>With the warm-up on: ready once it has run, and its rehearsed write left nothing, not even used ids.</summary>
public sealed class WarmUpHealthTests(WarmUpHealthTests.Factory factory) : IClassFixture<WarmUpHealthTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [CreateWarmUp.Setting] = "true" };
    }

    [Fact]
    public async Task ReadyAfterTheWarmUpWhichStoredNothing()
    {
        var http = factory.Http(key: null);
        await Eventually.UntilAsync(() => http.GetAsync(HealthEndpoints.ReadyPath), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "ready");

        await using (var db = await factory.DbAsync())
        {
            Assert.Equal(0, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Campaigns));
            Assert.Equal(0, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Messages));
        }
        var campaign = await factory.Campaigns().CreateCampaignAsync(Requests.OrderConfirmation(sendAt: Requests.FutureSendAt(TimeSpan.FromDays(1))));
        // SQLite takes the rehearsal's id range back with its transaction; a PostgreSQL sequence never goes back (a gap, harmless).
        await using (var db = await factory.DbAsync())
            Assert.Equal(TestDatabase.IsPostgres ? 1 + CampaignWriter.ChunkSize : 1, (await db.Campaigns.FindAsync(campaign.Id))!.FirstMessageId);
    }
}
