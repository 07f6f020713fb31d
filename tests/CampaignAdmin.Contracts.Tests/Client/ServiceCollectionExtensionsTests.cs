using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Contracts.Tests.Client;

public class ServiceCollectionExtensionsTests
{
    private static (ServiceProvider Provider, StubHandler Server) Build(string baseUrl, string apiKey, Func<IServiceProvider, Uri>? baseAddress = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CampaignApi:BaseUrl"] = baseUrl,
            ["CampaignApi:ApiKey"] = apiKey,
        }).Build();
        var server = StubHandler.Json("[]", totalCount: "0");
        var services = new ServiceCollection();
        services.AddCampaignApiClient(configuration, baseAddress);
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => server));
        return (services.BuildServiceProvider(), server);
    }

    [Fact]
    public async Task RegisteredCampaignClientCallsTheConfiguredServiceWithTheApiKey()
    {
        var (provider, server) = Build("http://vendor.test", "key-123");
        using var _ = provider;

        await provider.GetRequiredService<ICampaignApi>().GetCampaignPageAsync(0, 10);

        var request = Assert.Single(server.Requests);
        Assert.Equal("http://vendor.test/v2/campaign/getAll", request.RequestUri!.GetLeftPart(UriPartial.Path));
        Assert.Equal(["key-123"], request.Headers.GetValues("X-API-Key"));
    }

    [Fact]
    public async Task RegisteredTemplatesClientCarriesTheApiKeyToo()
    {
        var (provider, server) = Build("http://vendor.test", "key-123");
        using var _ = provider;

        var templates = await provider.GetRequiredService<ITemplatesApi>().GetTemplatesAsync();

        Assert.Empty(templates.Items);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v2/whatsapp/templates", request.RequestUri!.AbsolutePath);
        Assert.Equal(["key-123"], request.Headers.GetValues("X-API-Key"));
    }

    [Fact]
    public async Task BaseAddressOverrideWinsOverConfiguration()
    {
        var (provider, server) = Build("", "key", _ => new Uri("http://localhost:5123"));
        using var _ = provider;

        await provider.GetRequiredService<ICampaignApi>().GetCampaignPageAsync(0, 10);

        Assert.Equal("localhost:5123", Assert.Single(server.Requests).RequestUri!.Authority);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData("http://vendor.test", true)]
    public void OptionsAreRemoteOnlyWithABaseUrl(string baseUrl, bool remote) =>
        Assert.Equal(remote, new CampaignApiOptions { BaseUrl = baseUrl }.IsRemote);
}
