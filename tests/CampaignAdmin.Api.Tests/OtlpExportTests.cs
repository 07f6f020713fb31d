using System.Text;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Refit;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// The standalone API as a real process, told only the standard OTEL_* variables, exports its metrics and traces over
/// OTLP/HTTP to a loopback collector: the instruments by name, under the service name it was given.
/// </summary>
public sealed class OtlpExportTests : IDisposable
{
    private const string ServiceName = "campaignadmin-export-test";
    private readonly TestDatabase _database = new();
    private readonly OtlpCollector _collector = new();

    [Fact]
    public async Task MetricsAndTracesReachTheCollectorNamedInOtelExporterOtlpEndpoint()
    {
        var settings = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = ServiceName,
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "250",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "250",
            ["Dispatcher__MessagesPerSecond"] = "0",
            ["Demo__Seed"] = "true",
            ["Demo__ApiKey"] = ApiFactory.DemoKey,
            ["Api__WarmUp"] = "false",
        };
        await using var api = await ApiProcess.StartAsync(_database, settings, TimeSpan.FromSeconds(60));
        var http = new HttpClient { BaseAddress = api.BaseUrl };
        http.DefaultRequestHeaders.Add(Contracts.Wire.WireHeaders.ApiKey, ApiFactory.DemoKey);
        var campaigns = RestService.For<ICampaignApi>(http, ServiceCollectionExtensions.RefitSettings);

        var campaign = await campaigns.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539078942", "+966501230000"]));
        await Eventually.UntilAsync(() => campaigns.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed, what: "completion");

        var export = await Eventually.UntilAsync(() => Task.FromResult(Bodies("/v1/metrics").LastOrDefault(
                b => b.Contains(SendingMetrics.Sent, StringComparison.Ordinal) && b.Contains(SendingMetrics.Failed, StringComparison.Ordinal))),
            export => export is not null, TimeSpan.FromSeconds(30), "an export with the sent and failed counters");
        // The create's span and the batch's come in whichever exports they fall into.
        await Eventually.UntilAsync(() => Task.FromResult(string.Concat(Bodies("/v1/traces"))),
            traces => traces.Contains("create campaign", StringComparison.Ordinal) && traces.Contains("send batch", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "exports with the create's and a batch's spans");

        Assert.Contains(ServiceName, export, StringComparison.Ordinal);
        Assert.Contains(SendingMetrics.SendDuration, export, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", export, StringComparison.Ordinal);
    }

    /// <summary>Protobuf keeps names as UTF-8 bytes: enough to find them without decoding the messages.</summary>
    private List<string> Bodies(string path) =>
        _collector.Received.Where(r => r.Path == path && r.Body.Length > 0).Select(r => Encoding.UTF8.GetString(r.Body)).ToList();

    public void Dispose()
    {
        _collector.Dispose();
        _database.Dispose();
    }
}
