using CampaignAdmin.Api.Seeding;
using CampaignAdmin.Web;
using CampaignAdmin.Dashboard.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class HostingTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5070", "http://127.0.0.1:5070/")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:80", "http://127.0.0.1/")]
    [InlineData("http://localhost:5000", "http://localhost:5000/")]
    public void TheEmbeddedClientCallsItsOwnListeningAddressOnLoopback(string listening, string expected) =>
        Assert.Equal(new Uri(expected), SelfAddress.Pick([listening]));

    [Fact]
    public void PlainHttpIsPreferredOverHttps() =>
        Assert.Equal(new Uri("http://127.0.0.1:5001/"), SelfAddress.Pick(["https://127.0.0.1:5002", "http://127.0.0.1:5001"]));

    [Fact]
    public void TheEmbeddedKeyIsTheConfiguredKeyThenTheDemoKeyThenTheDevelopmentDefault()
    {
        Assert.Equal("mine", Key(new() { ["CampaignApi:ApiKey"] = "mine", ["Demo:ApiKey"] = "demo" }, Environments.Production));
        Assert.Equal("demo", Key(new() { ["Demo:ApiKey"] = "demo" }, Environments.Production));
        Assert.Equal(DemoOptions.DevelopmentApiKey, Key([], Environments.Development));
        Assert.Equal("", Key([], Environments.Production));
    }

    [Fact]
    public void TheConnectionSaysWhichApiTheDashboardDrives()
    {
        Assert.Equal("Embedded sandbox API", ApiConnection.From(new Client.CampaignApiOptions()).Description);
        Assert.Equal("Embedded sandbox API", ApiConnection.From(new Client.CampaignApiOptions(), "Sandbox").Description);
        Assert.Equal("Embedded API · WhatsApp Cloud", ApiConnection.From(new Client.CampaignApiOptions(), "WhatsAppCloud").Description);
        var remote = ApiConnection.From(new Client.CampaignApiOptions { BaseUrl = "https://api.vendor.test", ApiKey = "k" });
        Assert.False(remote.IsEmbedded);
        Assert.Equal("https://api.vendor.test", remote.Description);
    }

    [Theory]
    [InlineData("CampaignApi:WindowSize", "0", "CampaignApi:WindowSize must be from 1 to 100,000 (it is 0).")]
    [InlineData("CampaignApi:TimeZone", "Mars/Olympus", "CampaignApi:TimeZone \"Mars/Olympus\" is not a time zone this machine knows (use an IANA ID such as Asia/Riyadh, or UTC).")]
    [InlineData("CampaignApi:Statuses:Messages:gone", "Lost", "CampaignApi:Statuses:Messages:gone = \"Lost\" is not a state; choose one of: Unknown, Pending, Sending, Submitted, Delivered, Read, Failed.")]
    public void AWrongCampaignApiSettingStopsTheStartNamingIt(string key, string value, string expected)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDashboard());

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void TheAssetsFolderIsFoundAboveTheAppsBinaries() =>
        Assert.True(File.Exists(Path.Combine(DashboardAssets.Find(null, AppContext.BaseDirectory)!, "logo.svg")));

    private static string Key(Dictionary<string, string?> settings, string environment) =>
        EmbeddedApi.ApiKey(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Environment(environment));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
