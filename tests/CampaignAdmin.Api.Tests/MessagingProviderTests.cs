using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Sending.Sandbox;
using CampaignAdmin.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Api.Tests;

/// <summary><c>Messaging:Provider</c> picks the provider; a name nobody knows stops the start and says what would work.</summary>
public sealed class MessagingProviderTests
{
    private const string UnknownProviderError = "Messaging:Provider \"Foo\" is not a known provider; choose one of: Sandbox, WhatsAppCloud.";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Sandbox")]
    [InlineData("sandbox")]
    [InlineData("SANDBOX")]
    public void TheSandboxIsTheDefaultAndItsNameIsCaseInsensitive(string? setting)
    {
        var services = new ServiceCollection().AddMessaging(Configuration(setting));

        Assert.Equal(typeof(SandboxProvider), services.Single(s => s.ServiceType == typeof(IMessageProvider)).ImplementationType);
    }

    [Fact]
    public void AnUnknownProviderIsRefusedNamingTheSettingAndTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddMessaging(Configuration("Foo")));

        Assert.Equal(UnknownProviderError, error.Message);
    }

    [Fact]
    public void AnUnknownProviderStopsTheStart()
    {
        using var factory = new UnknownProviderFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(Chain(error), e => e is InvalidOperationException && e.Message == UnknownProviderError);
    }

    [Theory]
    [InlineData("MessagesPerSecond", "-1", DispatcherOptions.MessagesPerSecondError)]
    [InlineData("MaxInFlight", "0", DispatcherOptions.MaxInFlightError)]
    [InlineData("MaxInFlight", "-3", DispatcherOptions.MaxInFlightError)]
    [InlineData("BatchSize", "0", DispatcherOptions.BatchSizeError)]
    public void ADispatcherSettingThatMeansNothingIsRefusedNamingIt(string setting, string value, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{DispatcherOptions.Section}:{setting}"] = value })
            .Build();
        using var provider = new ServiceCollection().AddMessaging(configuration).BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DispatcherOptions>>().Value);

        Assert.Equal([expected], error.Failures);
    }

    [Fact]
    public void ZeroMessagesPerSecondIsUnpacedAndAccepted()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Dispatcher:MessagesPerSecond"] = "0" })
            .Build();
        using var provider = new ServiceCollection().AddMessaging(configuration).BuildServiceProvider();

        Assert.Equal(0, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DispatcherOptions>>().Value.MessagesPerSecond);
    }

    private static IConfiguration Configuration(string? provider) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [MessagingServices.ProviderSetting] = provider })
        .Build();

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException) yield return error;
    }
}
