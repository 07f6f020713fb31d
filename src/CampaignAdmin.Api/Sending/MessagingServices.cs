using Microsoft.Extensions.Options;
using CampaignAdmin.Api.Sending.Sandbox;
using CampaignAdmin.Api.Sending.WhatsAppCloud;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// The dispatcher, its store and the receipt processor, with the messaging provider chosen by <c>Messaging:Provider</c>.
/// The core knows a provider only as <see cref="IMessageProvider"/> and <see cref="IReceiptSink"/>; the table below is
/// the one place that names them.
/// </summary>
public static class MessagingServices
{
    public const string ProviderSetting = "Messaging:Provider";
    public const string DefaultProvider = "Sandbox";
    public const string WhatsAppCloudProvider = "WhatsAppCloud";

    /// <summary>A provider is its own folder with one <c>Add…Provider()</c> extension, and one line here.</summary>
    private static readonly Dictionary<string, Action<IServiceCollection, IConfiguration>> Providers = new(StringComparer.OrdinalIgnoreCase)
    {
        [DefaultProvider] = (services, configuration) => services.AddSandboxProvider(configuration),
        [WhatsAppCloudProvider] = (services, configuration) => services.AddWhatsAppCloudProvider(configuration),
    };

    public static IReadOnlyCollection<string> ProviderNames => Providers.Keys;

    /// <summary>Whether <c>Messaging:Provider</c> is the sandbox (the default): demo campaigns are created only then.</summary>
    public static bool IsSandbox(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration[ProviderSetting]) || string.Equals(configuration[ProviderSetting], DefaultProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws at start-up, naming the setting and the choices, when the provider is not one of <see cref="ProviderNames"/>.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var name = configuration[ProviderSetting];
        if (string.IsNullOrEmpty(name)) name = DefaultProvider;
        if (!Providers.TryGetValue(name, out var addProvider))
            throw new InvalidOperationException(
                $"{ProviderSetting} \"{name}\" is not a known provider; choose one of: {string.Join(", ", Providers.Keys)}.");

        // A setting that can't mean anything stops the start, naming itself, rather than sending at some other pace.
        services.AddOptions<DispatcherOptions>().Bind(configuration.GetSection(DispatcherOptions.Section))
            .Validate(o => o.MessagesPerSecond >= 0, DispatcherOptions.MessagesPerSecondError)
            .Validate(o => o.MaxInFlight >= 1, DispatcherOptions.MaxInFlightError)
            .Validate(o => o.BatchSize >= 1, DispatcherOptions.BatchSizeError)
            .ValidateOnStart();
        services.AddSingleton<DispatcherSignal>();
        services.AddSingleton(provider => new Pacer(
            provider.GetRequiredService<IOptions<DispatcherOptions>>().Value.MessagesPerSecond, provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ISharedPace>()));
        services.AddSingleton<MessageEvents>();
        services.AddSingleton<MessageStore>();
        services.AddSingleton<MessageSender>();
        services.AddSingleton<DoubtSettler>();
        services.AddSingleton<Recovery>();
        services.AddSingleton<ReceiptProcessor>();
        services.AddSingleton<IReceiptSink>(provider => provider.GetRequiredService<ReceiptProcessor>());

        // Hosted services start in this order: receipts can be taken, the provider is ready (its tables too), then sending starts.
        services.AddHostedService(provider => provider.GetRequiredService<ReceiptProcessor>());
        addProvider(services, configuration);
        services.AddHostedService<Dispatcher>();
        return services;
    }
}
