using CampaignAdmin.Dashboard.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Forwarded headers over real HTTP from 127.0.0.1: believed only from configured proxies.</summary>
public sealed class ReverseProxyTests
{
    private static async Task<string> SeenAsync(Dictionary<string, string?> settings, string forwardedFor = "203.0.113.7")
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddReverseProxy(builder.Configuration);
        await using var app = builder.Build();
        app.UseReverseProxy();
        app.MapGet("/seen", (HttpContext context) => $"{context.Connection.RemoteIpAddress} {context.Request.Scheme}");
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/seen");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task WithoutConfiguredProxiesForwardedHeadersAreIgnored() =>
        Assert.Equal("127.0.0.1 http", await SeenAsync([]));

    [Fact]
    public async Task TheFrameworksForwardedHeadersSwitchDoesNotMakeEveryClientTrusted() =>
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes ASP.NET Core believe every sender; without configured proxies we still believe none.
        Assert.Equal("127.0.0.1 http", await SeenAsync(new() { ["FORWARDEDHEADERS_ENABLED"] = "true" }));

    [Fact]
    public async Task WithTheFrameworksSwitchAConfiguredProxyIsBelievedForOneHopOnly() =>
        // The proxy appended the address it saw (127.0.0.1); the client's own claim before it (203.0.113.9) is not taken.
        Assert.Equal("127.0.0.1 https", await SeenAsync(
            new() { ["FORWARDEDHEADERS_ENABLED"] = "true", ["ReverseProxy:KnownProxies:0"] = "127.0.0.1" }, "203.0.113.9, 127.0.0.1"));

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "127.0.0.1")]
    [InlineData("ReverseProxy:KnownNetworks:0", "127.0.0.0/8")]
    public async Task AConfiguredProxyOrNetworkIsBelieved(string setting, string value) =>
        Assert.Equal("203.0.113.7 https", await SeenAsync(new() { [setting] = value }));

    [Fact]
    public async Task AnotherProxyIsNotBelieved() =>
        Assert.Equal("127.0.0.1 http", await SeenAsync(new() { ["ReverseProxy:KnownProxies:0"] = "10.0.0.5" }));

    [Theory]
    [InlineData("ReverseProxy:KnownProxies:0", "proxy.local", "ReverseProxy:KnownProxies: \"proxy.local\" is not an IP address.")]
    [InlineData("ReverseProxy:KnownNetworks:0", "10.0.0.0/33", "ReverseProxy:KnownNetworks: \"10.0.0.0/33\" is not a network in CIDR notation (10.0.0.0/8).")]
    public async Task AWrongSettingStopsTheStartWithTheSettingNamed(string setting, string value, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SeenAsync(new() { [setting] = value }));
        Assert.Equal(message, error.Message);
    }
}
