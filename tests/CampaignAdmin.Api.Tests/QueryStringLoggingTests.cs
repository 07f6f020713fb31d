using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// A key in a query string is refused (the key goes in the header), but the request is still logged: no line, scope or
/// exception text at any level may carry it, nor any other secret-looking query value.
/// </summary>
public sealed class QueryStringLoggingTests(CapturingApiFactory factory) : IClassFixture<CapturingApiFactory>
{
    private const string QueryKey = "ca_Qs7vK2pLm9XwR4tY8uZ1aB3cD5eF6gH0iJkLmNoPqRs";
    private const string ShortSecret = "hunter2-in-a-query";

    [Fact]
    public async Task KeysAndSecretsInTheQueryStringAreNeverLogged()
    {
        var issued = await factory.Keys().CreateKeyAsync(new Contracts.Keys.CreateApiKeyRequest());
        string[] secrets = [QueryKey, ShortSecret, ApiFactory.DemoKey, issued.Key];

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Http(key: null).GetAsync($"/v2/campaign/getAll?X-API-Key={QueryKey}")).StatusCode);
        await factory.Http(key: null).GetAsync($"/v2/campaign/getAll?x-api-key={Uri.EscapeDataString(ApiFactory.DemoKey)}&resultSize=5");
        await factory.Http().GetAsync($"/v2/campaign/getAll?resultSize=1&apikey={issued.Key}");
        await factory.Http().GetAsync($"/v2/campaign/getAll?search={issued.Key}");
        await factory.Http().GetAsync($"/v2/campaign/getCampMsgs?campaignID=1&token={ShortSecret}&access_token={ShortSecret}");
        await factory.Http().GetAsync($"/v2/nothing/here?key={QueryKey}&password={ShortSecret}");
        await factory.Http().PostAsync($"/v2/campaign/create?API_KEY={QueryKey}", Requests.Json("{not json"));

        var logs = factory.Logs.Entries.ToArray();
        Assert.Contains(logs, e => e.Message.Contains("/v2/campaign/getAll", StringComparison.Ordinal));
        Assert.Contains(logs, e => e.Message.Contains("resultSize=5", StringComparison.Ordinal));
        foreach (var secret in secrets)
            Assert.DoesNotContain(logs, e => e.ToString().Contains(secret, StringComparison.Ordinal));
    }
}
