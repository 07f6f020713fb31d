using System.Net;
using System.Text;
using CampaignAdmin.Api.Tests.Infrastructure;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary><c>X-Content-Type-Options: nosniff</c> on every <c>/v2</c> answer: success, every error status, and the rate limit's.</summary>
public sealed class NoSniffTests(NoSniffTests.Factory factory) : IClassFixture<NoSniffTests.Factory>
{
    /// <summary>A key's bucket small enough to empty with a burst of concurrent calls, big enough for the other calls.</summary>
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimiting:PermitsPerSecond"] = "10",
            ["RateLimiting:Burst"] = "20",
            ["Api:MaxRequestBodyMB"] = "32",
        };
    }

    [Fact]
    public async Task EveryAnswerSaysNoSniff()
    {
        var http = factory.Http();
        var (_, otherKey) = await factory.CreateCompanyAsync("Sniff Co");
        var other = factory.Http(otherKey);
        HttpResponseMessage[] answers =
        [
            await other.GetAsync("/v2/campaign/getAll"),
            await other.PostAsync("/v2/campaign/create", Json("{not json")),
            await factory.Http(key: null).GetAsync("/v2/campaign/getAll"),
            await factory.Http("ca_wrong").GetAsync("/v2/campaign/getAll"),
            await other.GetAsync("/v2/campaign/getCampMsgs?campaignID=999999"),
            await other.GetAsync("/v2/campaign/nope"),
            await other.GetAsync("/v2/campaign/create"),
            await other.PostAsync("/v2/campaign/create", new StringContent("{\"name\":\"" + new string('a', 33 * 1024 * 1024) + "\"}", Encoding.UTF8)),
        ];
        var limited = (await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => http.GetAsync("/v2/campaign/getAll"))))
            .First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        HttpResponseMessage? guessing = null;
        for (var i = 0; i < 25 && guessing?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            guessing = await factory.Http($"ca_wrong_{i}").GetAsync("/v2/campaign/getAll");

        Assert.Equal([200, 400, 401, 401, 404, 404, 405, 413], answers.Select(a => (int)a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, guessing!.StatusCode);
        Assert.All([.. answers, limited, guessing], a => Assert.Equal("nosniff", string.Join("", a.Headers.GetValues("X-Content-Type-Options"))));
    }
}
