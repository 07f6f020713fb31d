using System.Net;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Tests.Support;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Contracts.Tests.Client;

public class ApiKeyHandlerTests
{
    private sealed class MutableOptions(CampaignApiOptions value) : IOptionsMonitor<CampaignApiOptions>
    {
        public CampaignApiOptions CurrentValue { get; set; } = value;
        public CampaignApiOptions Get(string? name) => CurrentValue;
        public IDisposable? OnChange(Action<CampaignApiOptions, string?> listener) => null;
    }

    private static (HttpMessageInvoker Invoker, StubHandler Server, MutableOptions Options) Create(string apiKey)
    {
        var server = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var options = new MutableOptions(new CampaignApiOptions { ApiKey = apiKey });
        return (new HttpMessageInvoker(new ApiKeyHandler(options) { InnerHandler = server }), server, options);
    }

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "http://campaigns.test/v2/campaign/getAll");

    [Fact]
    public async Task EveryRequestCarriesTheConfiguredKey()
    {
        var (invoker, server, _) = Create("secret-key");

        await invoker.SendAsync(Get(), CancellationToken.None);
        await invoker.SendAsync(Get(), CancellationToken.None);

        Assert.All(server.Requests, r => Assert.Equal(["secret-key"], r.Headers.GetValues("X-API-Key")));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task NoKeyConfiguredSendsNoHeader()
    {
        var (invoker, server, _) = Create("");

        await invoker.SendAsync(Get(), CancellationToken.None);

        Assert.False(Assert.Single(server.Requests).Headers.Contains(CampaignAdmin.Contracts.Wire.WireHeaders.ApiKey));
    }

    [Fact]
    public async Task KeyAlreadyOnTheRequestIsKept()
    {
        var (invoker, server, _) = Create("configured");
        var request = Get();
        request.Headers.Add("X-API-Key", "per-request");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(["per-request"], Assert.Single(server.Requests).Headers.GetValues("X-API-Key"));
    }

    [Fact]
    public async Task ChangedConfigurationIsUsedForTheNextRequest()
    {
        var (invoker, server, options) = Create("old");

        await invoker.SendAsync(Get(), CancellationToken.None);
        options.CurrentValue = new CampaignApiOptions { ApiKey = "new" };
        await invoker.SendAsync(Get(), CancellationToken.None);

        Assert.Equal(["old", "new"], server.Requests.Select(r => r.Headers.GetValues("X-API-Key").Single()));
    }

    [Fact]
    public void HeaderNameIsTheVendors() => Assert.Equal("X-API-Key", CampaignAdmin.Contracts.Wire.WireHeaders.ApiKey);
}
