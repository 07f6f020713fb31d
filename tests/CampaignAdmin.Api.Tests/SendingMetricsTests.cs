using System.Diagnostics.Metrics;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// The API's meter as an operator's collector sees it, for one campaign through the sandbox. The collectors listen to this
/// host's meters only (its <see cref="IMeterFactory"/>), so other test hosts running beside it add nothing.
/// </summary>
public sealed class SendingMetricsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ACampaignCountsThreeSentOneFailedAndEveryReceiptApplied()
    {
        var meters = factory.Service<IMeterFactory>();
        using var sent = new MetricCollector<long>(meters, ApiTelemetry.Name, SendingMetrics.Sent);
        using var failed = new MetricCollector<long>(meters, ApiTelemetry.Name, SendingMetrics.Failed);
        using var receipts = new MetricCollector<long>(meters, ApiTelemetry.Name, SendingMetrics.ReceiptsApplied);
        using var duration = new MetricCollector<double>(meters, ApiTelemetry.Name, SendingMetrics.SendDuration);
        var api = factory.Campaigns();

        // Delivered three times, read twice (even last digits); 0000 is undeliverable.
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539078942", "+966539078943", "+966539078944", "+966501230000"]));
        await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id),
            c => c.Status == CampaignStatus.Completed && c.DeliveredCount == 3 && c.ReadCount == 2, what: "receipts");
        await Eventually.UntilAsync(() => Task.FromResult(Sum(receipts)), n => n >= 5, what: "receipts counted");

        Assert.Equal(3, Sum(sent));
        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal((1L, "permanent", "sandbox"), (failure.Value, failure.Tags[SendingMetrics.FailureTag], failure.Tags[SendingMetrics.ProviderTag]));
        Assert.Equal(5, Sum(receipts));
        Assert.NotEmpty(duration.GetMeasurementSnapshot());
        Assert.All(duration.GetMeasurementSnapshot(), call => Assert.InRange(call.Value, 0, 10));
    }

    private static long Sum(MetricCollector<long> collector) => collector.GetMeasurementSnapshot().Sum(m => m.Value);
}

/// <summary>Nothing is sent here (the dispatcher is off), so what is queued stays put for the reading.</summary>
public sealed class QueuedMessagesMetricTests(QueuedMessagesMetricTests.Factory factory) : IClassFixture<QueuedMessagesMetricTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Dispatcher:Enabled"] = "false" };
    }

    [Fact]
    public async Task QueuedCountsTheUnsentMessagesOfSendingCampaignsOnly()
    {
        using var queued = new MetricCollector<long>(factory.Service<IMeterFactory>(), ApiTelemetry.Name, SendingMetrics.Queued);
        var api = factory.Campaigns();

        await api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539078952", "+966539078954", "+966539078956"]));
        await api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539078958", "+966539078960"]));
        await api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(1)), numbers: ["+966539078962", "+966539078964"]));
        queued.RecordObservableInstruments();

        Assert.Equal(5, queued.LastMeasurement?.Value);
    }
}
