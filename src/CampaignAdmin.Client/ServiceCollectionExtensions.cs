using CampaignAdmin.Contracts.Wire;
using CampaignAdmin.Contracts.Wire.Tolerant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.Extensions.Options;
using Refit;

namespace CampaignAdmin.Client;

public static class ServiceCollectionExtensions
{
    /// <summary>How the dashboard reads any Campaign API: tolerantly (<see cref="TolerantJson"/>), so no answer's shape can break a page.</summary>
    public static RefitSettings RefitSettings { get; } = new(new SystemTextJsonContentSerializer(TolerantJson.Options));

    /// <summary>Reads answers exactly as our API writes them: for the API's own tests, where a wrong shape must fail.</summary>
    public static RefitSettings StrictRefitSettings { get; } = new(new SystemTextJsonContentSerializer(CampaignJson.Options));

    /// <summary>
    /// Registers <see cref="ICampaignApi"/>, <see cref="ITemplatesApi"/>, <see cref="IApiKeysApi"/>, <see cref="ITemplateSyncApi"/> and <see cref="ISendingApi"/> against <c>CampaignApi:BaseUrl</c> with
    /// <c>CampaignApi:ApiKey</c>. <paramref name="baseAddress"/> overrides the URL (the embedded dashboard knows its own
    /// address only once it listens).
    /// </summary>
    public static IServiceCollection AddCampaignApiClient(this IServiceCollection services, IConfiguration configuration,
        Func<IServiceProvider, Uri>? baseAddress = null)
    {
        services.Configure<CampaignApiOptions>(configuration.GetSection(CampaignApiOptions.Section));
        services.AddTransient<ApiKeyHandler>();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<CampaignApiOptions>>().Value.Statuses.Vocabulary());
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<CampaignApiOptions>>().Value.Capabilities());
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<CampaignLists>();
        // Built once from CampaignApi:TimeZone; an unknown zone stops the start naming the setting.
        services.AddSingleton(provider => new ClientJson(provider.GetRequiredService<IOptions<CampaignApiOptions>>().Value.AssumedTimeZone()));
        Configure(services.AddGeneratedRefitClient<ICampaignApi>(), baseAddress);
        Configure(services.AddGeneratedRefitClient<ITemplatesApi>(), baseAddress);
        Configure(services.AddGeneratedRefitClient<IApiKeysApi>(), baseAddress);
        Configure(services.AddGeneratedRefitClient<ITemplateSyncApi>(), baseAddress);
        Configure(services.AddGeneratedRefitClient<ISendingApi>(), baseAddress);
        return services;
    }

    // Not AddRefitClient<T>: in Refit 16 it needs the reflection request builder (package Refit.Reflection, not
    // referenced) and throws NotSupportedException on first resolve; RestService.For uses the source-generated client.
    private static IHttpClientBuilder AddGeneratedRefitClient<T>(this IServiceCollection services) where T : class =>
        services.AddHttpClient<T, T>((client, provider) => RestService.For<T>(client, provider.GetRequiredService<ClientJson>().Settings));

    /// <summary>The Refit settings of this dashboard's API connection (tolerant reading, its assumed time zone).</summary>
    public sealed class ClientJson(TimeZoneInfo assumedZone)
    {
        public RefitSettings Settings { get; } = new(new SystemTextJsonContentSerializer(TolerantJson.Create(assumedZone)));
    }

    private static void Configure(IHttpClientBuilder builder, Func<IServiceProvider, Uri>? baseAddress)
    {
        builder
            .ConfigureHttpClient((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<CampaignApiOptions>>().Value;
                client.BaseAddress = baseAddress?.Invoke(provider) ?? new Uri(options.BaseUrl);
                // The resilience pipeline below owns the timeouts.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<ApiKeyHandler>();
        // A slow or flaky API never hangs a page: every call has a deadline, and only reads are retried. A create, an
        // update, a delete or a resend is never sent twice by the dashboard (Microsoft.Extensions.Http.Resilience, not loops).
        builder.AddResilienceHandler("campaign-api", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<CampaignApiOptions>>().Value;
            pipeline.AddTimeout(options.Timeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.ReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(300),
            }.DisableForUnsafeHttpMethodsAndKeep());
            pipeline.AddTimeout(options.AttemptTimeout);
        });
    }

    private static HttpRetryStrategyOptions DisableForUnsafeHttpMethodsAndKeep(this HttpRetryStrategyOptions options)
    {
        options.DisableForUnsafeHttpMethods();
        return options;
    }
}
