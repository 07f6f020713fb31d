using System.Net;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CampaignAdmin.Contracts.Tests.Client;

/// <summary>Issue 9: through the dashboard's own registration, a flaky API gets its reads retried and never a write.</summary>
public sealed class ResilienceTests
{
    private static ICampaignApi Client(HttpMessageHandler server, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CampaignApi:BaseUrl"] = "http://vendor.test",
            ["CampaignApi:ApiKey"] = "k",
        }.Concat(settings ?? [])).Build();
        var services = new ServiceCollection().AddCampaignApiClient(configuration);
        services.AddHttpClient(nameof(ICampaignApi)).ConfigurePrimaryHttpMessageHandler(() => server);
        return services.BuildServiceProvider().GetRequiredService<ICampaignApi>();
    }

    private static StubHandler FailingTimes(int failures, HttpStatusCode failure, string body)
    {
        var calls = 0;
        return new StubHandler(_ => Interlocked.Increment(ref calls) <= failures
            ? new HttpResponseMessage(failure) { Content = new StringContent("upstream busy\n") }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
    }

    [Fact]
    public async Task AReadThatFailsTwiceWithA503IsTriedAgainAndSucceeds()
    {
        var server = FailingTimes(2, HttpStatusCode.ServiceUnavailable, """[{"ID":1,"Name":"a"}]""");

        var page = await Client(server).GetCampaignPageAsync(0, 25);

        Assert.Equal([1], page.Items.Select(c => c.Id));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ACreateThatFailsIsNeverSentTwice()
    {
        var server = FailingTimes(5, HttpStatusCode.ServiceUnavailable, "{}");

        var failure = await Assert.ThrowsAsync<ApiException>(() => Client(server).CreateCampaignAsync(new CreateCampaignRequest { Name = "x" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AResendThatFailsIsNeverSentTwice()
    {
        var server = FailingTimes(5, HttpStatusCode.BadGateway, "{}");

        await Assert.ThrowsAsync<ApiException>(() => Client(server).ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = "K" }));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AnApiThatDoesNotAnswerIsGivenUpAtTheAttemptTimeoutWithASentence()
    {
        var server = new HangingHandler();
        var api = Client(server, new() { ["CampaignApi:AttemptTimeout"] = "00:00:00.200", ["CampaignApi:ReadRetries"] = "1", ["CampaignApi:Timeout"] = "00:00:05" });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => api.GetCampaignPageAsync(0, 25)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("The Campaign API did not answer in time. Try again; if it keeps happening, check the API (or CampaignApi:Timeout).", ApiErrors.Describe(failure));
        Assert.Equal(2, server.Requests);
    }

    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _requests;

        public int Requests => _requests;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}
