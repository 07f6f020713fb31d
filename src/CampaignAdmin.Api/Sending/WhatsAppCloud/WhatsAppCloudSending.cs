using Microsoft.Extensions.Http;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud;

/// <summary>The sending half of the provider: the Graph API client, the provider, its pause, its pace and its pair limit.</summary>
public static class WhatsAppCloudSending
{
    /// <summary>
    /// Meta's pair limit: one message from the business number to one user every 6 s.
    /// Spaced by a quarter second more: the interval runs from our hand-over, and Meta counts from when each request
    /// reaches it, which may take longer for the first than for the second.
    /// </summary>
    public static readonly TimeSpan PairInterval = TimeSpan.FromSeconds(6.25);

    public static IServiceCollection AddWhatsAppCloudSending(this IServiceCollection services, WhatsAppCloudOptions options, IConfiguration configuration)
    {
        services.AddHttpClient<GraphApi>(http => http.Timeout = options.RequestTimeout)
            // The provider keeps its client for the process's life; the pool renews connections (and DNS) itself.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The Authorization header holds the token: no header value is ever logged.
            .RedactLoggedHeaders(_ => true);
        services.AddSingleton<TokenPause>();
        services.AddSingleton<ISendingPause>(provider => provider.GetRequiredService<TokenPause>());
        services.AddHostedService(provider => provider.GetRequiredService<TokenPause>());
        services.AddSingleton(new RecipientSpacing(PairInterval));
        services.AddSingleton<IMessageProvider, WhatsAppCloudProvider>();
        services.PostConfigure<DispatcherOptions>(dispatcher => KeepToTier(dispatcher, options.MessagesPerSecond, configuration));
        return services;
    }

    /// <summary>
    /// The number's tier is the cap: the pace is the lower of it and <c>Dispatcher:MessagesPerSecond</c> when that is set
    /// (0, unpaced, means the tier). With no <c>Dispatcher:MaxInFlight</c> set, half a second of slots may wait for Meta at
    /// once, so answers that take a few hundred milliseconds still keep the tier.
    /// </summary>
    internal static void KeepToTier(DispatcherOptions dispatcher, int tier, IConfiguration configuration)
    {
        var section = configuration.GetSection(DispatcherOptions.Section);
        if (dispatcher.MessagesPerSecond >= 0)
        {
            var set = section[nameof(DispatcherOptions.MessagesPerSecond)] is not null && dispatcher.MessagesPerSecond > 0;
            dispatcher.MessagesPerSecond = set ? Math.Min(dispatcher.MessagesPerSecond, tier) : tier;
        }
        if (section[nameof(DispatcherOptions.MaxInFlight)] is null)
        {
            var slotsPerSecond = dispatcher.MessagesPerSecond / Math.Max(1, dispatcher.MessagesPerSecond / 100);
            dispatcher.MaxInFlight = Math.Max(dispatcher.MaxInFlight, slotsPerSecond / 2);
        }
    }
}
