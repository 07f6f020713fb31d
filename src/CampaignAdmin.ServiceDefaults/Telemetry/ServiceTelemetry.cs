using CampaignAdmin.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CampaignAdmin.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for a host, when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: HTTP server and client metrics and
/// traces, plus the meters and activity sources the hosted parts add (<c>ConfigureOpenTelemetryMeterProvider</c> /
/// <c>…TracerProvider</c>, as the Campaign API does), exported over OTLP. The exporter reads the other standard variables
/// itself (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>…_HEADERS</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c>, …). Without the endpoint no
/// SDK runs, so nothing listens and the instruments cost nothing. Logs are not exported: they stay with the host's providers.
/// The instrumentations redact query-string values in URLs and record no header.
/// </summary>
public static class ServiceTelemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <param name="serviceName">The <c>service.name</c> unless <c>OTEL_SERVICE_NAME</c> names another.</param>
    public static WebApplicationBuilder AddServiceTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[EndpointVariable])) return builder;

        builder.Services.AddOpenTelemetry()
            // The SDK's own detector reads OTEL_SERVICE_NAME; a name added here would override it.
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuration[ServiceNameVariable])) resource.AddService(serviceName);
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter())
            .WithTracing(tracing => tracing
                // A probe asks every few seconds: not worth a trace.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !HealthEndpoints.IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        return builder;
    }
}
