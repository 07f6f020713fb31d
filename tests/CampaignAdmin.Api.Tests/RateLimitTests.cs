using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;

namespace CampaignAdmin.Api.Tests;

public sealed class RateLimitTests(RateLimitTests.TightLimitFactory factory) : IClassFixture<RateLimitTests.TightLimitFactory>
{
    public sealed class TightLimitFactory : ApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerSecond"] = "10",
            ["RateLimiting:Burst"] = "5",
        };
    }

    [Fact]
    public async Task AKeyOverItsRateGets429WithRetryAfterWhileOtherKeysAreServed()
    {
        var (_, otherKey) = await factory.CreateCompanyAsync("Quiet Co");
        var noisy = factory.Http();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => noisy.GetAsync("/v2/campaign/getAll")));
        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);

        Assert.InRange(responses.Count(r => r.StatusCode == HttpStatusCode.OK), 5, 10);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.StartsWith("rate limit exceeded", (await Requests.ErrorOf(limited)).Error);
        Assert.Equal(HttpStatusCode.OK, (await factory.Http(otherKey).GetAsync("/v2/campaign/getAll")).StatusCode);
    }
}
