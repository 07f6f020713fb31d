using System.Diagnostics;
using CampaignAdmin.Api.Sending;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CampaignAdmin.Api.Hosting;

/// <summary>
/// The API's own meter (<see cref="SendingMetrics"/>) and activity source, named for the API, added to whatever
/// OpenTelemetry pipeline the host sets up (ServiceTelemetry in CampaignAdmin.ServiceDefaults); without one only a
/// <c>MeterListener</c> (dotnet-counters, a test's collector) hears them.
/// </summary>
public static class ApiTelemetry
{
    public const string Name = "CampaignAdmin.Api";

    /// <summary>Spans for a campaign's create and for each batch the dispatcher sends.</summary>
    public static readonly ActivitySource Source = new(Name);

    public static IServiceCollection AddApiTelemetry(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<SendingMetrics>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(Name));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(Name));
        return services;
    }
}
