using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.ServiceDefaults.Logging;

/// <summary>One rule for both servers: no log line, at any level, carries a secret from a query string (docs/DECISIONS.md).</summary>
public static class LogRedaction
{
    /// <summary>
    /// Wraps the host's <see cref="ILoggerFactory"/> so every logger redacts secrets in query strings. Providers added later
    /// (by tests, by configuration) are behind it too. Calling it twice (the dashboard with the embedded API) changes nothing.
    /// </summary>
    public static IServiceCollection AddQueryStringRedaction(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(Marker))) return services;
        services.AddSingleton<Marker>();
        services.AddLogging();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new RedactingLoggerFactory(new LoggerFactory(
            provider.GetServices<ILoggerProvider>(),
            provider.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            provider.GetService<IOptions<LoggerFactoryOptions>>(),
            provider.GetService<IExternalScopeProvider>()))));
        return services;
    }

    private sealed class Marker;
}
