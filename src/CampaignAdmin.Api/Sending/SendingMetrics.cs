using System.Data.Common;
using System.Diagnostics.Metrics;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// What operators watch of the sending, recorded where each fact is known: what the provider accepted or failed (by
/// <see cref="SendFailureKind"/>), how long its calls took, the receipts applied, and how many messages wait to be sent.
/// </summary>
public sealed class SendingMetrics
{
    public const string Sent = "campaignadmin.messages.sent";
    public const string Failed = "campaignadmin.messages.failed";
    public const string Queued = "campaignadmin.messages.queued";
    public const string SendDuration = "campaignadmin.provider.send.duration";
    public const string ReceiptsApplied = "campaignadmin.receipts.applied";
    public const string FailureTag = "failure";
    public const string ProviderTag = "provider";

    /// <summary>Those of <c>http.server.request.duration</c>: a call is milliseconds to seconds.</summary>
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _sendDuration;
    private readonly Counter<long> _receiptsApplied;
    private readonly IDbContextFactory<CampaignDb> _contexts;

    public SendingMetrics(IMeterFactory meters, IDbContextFactory<CampaignDb> contexts)
    {
        _contexts = contexts;
        var meter = meters.Create(ApiTelemetry.Name);
        _sent = meter.CreateCounter<long>(Sent, "{message}", "Messages the provider accepted.");
        _failed = meter.CreateCounter<long>(Failed, "{message}",
            "Messages the provider did not accept, by failure kind: permanent (refused), not_sent (retried later), outcome_unknown (no answer).");
        _sendDuration = meter.CreateHistogram(SendDuration, "s", "How long one call to the provider took, for a batch of messages.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _receiptsApplied = meter.CreateCounter<long>(ReceiptsApplied, "{receipt}",
            "Delivery receipts applied to the message they report on (one that would move it backwards changes nothing).");
        meter.CreateObservableGauge(Queued, ReadQueued, "{message}",
            "Messages of sending campaigns neither sent nor failed yet: waiting for their turn, or with the provider.");
    }

    /// <summary>One provider call: its duration, and each message's outcome.</summary>
    public void ProviderAnswered(string provider, TimeSpan took, IReadOnlyList<SendOutcome> outcomes)
    {
        var providerTag = new KeyValuePair<string, object?>(ProviderTag, provider);
        _sendDuration.Record(took.TotalSeconds, providerTag);
        var accepted = outcomes.Count(o => o.Accepted);
        if (accepted > 0) _sent.Add(accepted, providerTag);
        foreach (var failures in outcomes.Where(o => !o.Accepted).GroupBy(o => o.Failure))
            _failed.Add(failures.Count(), providerTag, new KeyValuePair<string, object?>(FailureTag, FailureName(failures.Key)));
    }

    public void ReceiptsWereApplied(int count)
    {
        if (count > 0) _receiptsApplied.Add(count);
    }

    private static string FailureName(SendFailureKind kind) => kind switch
    {
        SendFailureKind.NotSent => "not_sent",
        SendFailureKind.OutcomeUnknown => "outcome_unknown",
        SendFailureKind.Held => "held",
        _ => "permanent",
    };

    /// <summary>
    /// From the campaigns' own counters (total, sent, failed), kept in step with their messages in every write: the
    /// <c>(Status, SendAt)</c> index finds the sending campaigns, so a reading costs a row per sending campaign, never a
    /// scan of the messages. No reading while the database does not answer (<c>/health/ready</c> says so).
    /// </summary>
    private IEnumerable<Measurement<long>> ReadQueued()
    {
        long queued;
        try
        {
            using var db = _contexts.CreateDbContext();
            queued = db.Campaigns.Where(c => c.Status == CampaignStatus.Sending).Sum(c => (long)c.Total - c.SentCount - c.FailedCount);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            return [];
        }
        return [new Measurement<long>(queued)];
    }
}
