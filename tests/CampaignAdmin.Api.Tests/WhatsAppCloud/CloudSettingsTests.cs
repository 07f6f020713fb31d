using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.WhatsAppCloud;
using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>What the provider's settings do at start: missing ones stop it, the tier caps the pace, demo campaigns stay with the sandbox.</summary>
public sealed class CloudSettingsTests
{
    [Fact]
    public void MissingSettingsStopTheStartNamingEachOfThem()
    {
        using var factory = new MissingCloudSettingsFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(Chain(error), e => e is InvalidOperationException && e.Message ==
            "Messaging:Provider is WhatsAppCloud, but WhatsAppCloud:PhoneNumberId is not set; WhatsAppCloud:BusinessAccountId is not set; " +
            "WhatsAppCloud:AccessToken is not set; WhatsAppCloud:AppSecret is not set; WhatsAppCloud:VerifyToken is not set.");
    }

    [Theory]
    [InlineData(null, 80, 80)]
    [InlineData("0", 80, 80)]
    [InlineData("50", 80, 50)]
    [InlineData("200", 80, 80)]
    [InlineData("1000", 1000, 1000)]
    [InlineData("-1", 80, -1)]
    public void TheNumbersTierCapsThePace(string? dispatcherSetting, int tier, int expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Dispatcher:MessagesPerSecond"] = dispatcherSetting }).Build();
        var dispatcher = new DispatcherOptions { MessagesPerSecond = dispatcherSetting is null ? 80 : int.Parse(dispatcherSetting, System.Globalization.CultureInfo.InvariantCulture) };

        WhatsAppCloudSending.KeepToTier(dispatcher, tier, configuration);

        Assert.Equal(expected, dispatcher.MessagesPerSecond);
    }

    [Theory]
    [InlineData(null, 80, 40)]
    [InlineData(null, 1000, 50)]
    [InlineData("3", 1000, 3)]
    public void WithoutMaxInFlightSetHalfASecondOfSlotsMayWaitForMeta(string? maxInFlight, int tier, int expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Dispatcher:MaxInFlight"] = maxInFlight }).Build();
        var dispatcher = new DispatcherOptions { MaxInFlight = maxInFlight is null ? 4 : int.Parse(maxInFlight, System.Globalization.CultureInfo.InvariantCulture) };

        WhatsAppCloudSending.KeepToTier(dispatcher, tier, configuration);

        Assert.Equal(expected, dispatcher.MaxInFlight);
    }

    [Fact]
    public async Task DemoCampaignsAreNeverCreatedWithThisProvider()
    {
        using var factory = new DemoCampaignsCloudFactory();

        var campaigns = await factory.Campaigns().GetCampaignPageAsync(0, 100);

        Assert.Empty(campaigns.Items);
        Assert.Empty(factory.Graph.Sends);
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException) yield return error;
    }

    private sealed class MissingCloudSettingsFactory : ApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [MessagingServices.ProviderSetting] = "WhatsAppCloud" };
    }

    private sealed class DemoCampaignsCloudFactory : WhatsAppCloudFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = CloudSettings;
                settings["Demo:Campaigns"] = "true";
                return settings;
            }
        }
    }
}
