using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Turns claimed messages into payloads, writes the hand-over mark, hands them to the provider and records the
/// outcome. A provider that throws has an unknown outcome for the whole batch: those messages end FAILED "outcome
/// unknown" and are never sent again unasked; <see cref="DoubtSettler"/> asks the provider about them, if it can answer.
/// </summary>
public sealed class MessageSender(
    IMessageProvider provider,
    MessageStore store,
    Pacer pacer,
    IDbContextFactory<CampaignDb> contexts,
    DoubtSettler doubt,
    SendingMetrics metrics,
    IOptions<DispatcherOptions> options,
    TimeProvider clock,
    ILogger<MessageSender> logger,
    RecipientSpacing? spacing = null)
{
    /// <summary>This process, as the owner of the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private readonly ConcurrentDictionary<int, MessagePayload> _payloads = new();

    /// <summary>
    /// Sends claimed messages: renders them, writes the hand-over mark, calls the provider with exactly the marked
    /// ones and records the answer. Messages of campaigns deleted since the claim are not marked, so not sent.
    /// </summary>
    /// <param name="slot">The pace slot taken before the claim; told how many go right before the provider call.</param>
    public async Task SendAsync(IReadOnlyList<MessageStore.Claimed> claimed, int maxAttempts, Pacer.Slot slot, CancellationToken cancellationToken)
    {
        using var span = ApiTelemetry.Source.StartActivity("send batch");
        span?.SetTag("messaging.batch.message_count", claimed.Count);
        var (handedOver, outgoing, handedAt) = await HandOverAsync(claimed, spaced: true, cancellationToken);
        // Nothing marked (the campaigns were deleted): the caller's disposal of the slot gives its room back.
        if (handedOver.Count == 0) return;
        var results = await CallProviderAsync(outgoing, handedAt, new SendMoment(clock, slot, handedOver.Count));
        // The provider has spoken: record it even if we are being stopped, or a sent message would look unsent.
        await RecordAsync(handedOver, results, maxAttempts);
    }

    /// <summary>A person's resend of one FAILED message; <c>null</c> when the message is not FAILED (or not this company's).</summary>
    public async Task<SendOutcome?> ResendAsync(int companyId, string key, CancellationToken cancellationToken)
    {
        // A resend is one more message from the same number: it keeps to the same pace as the campaigns.
        using var slot = await pacer.TakeAsync(1, cancellationToken);
        var claimed = await store.ClaimForResendAsync(companyId, key, Owner, clock.GetUtcNow(), options.Value.Lease, cancellationToken);
        if (claimed is null) return null;
        // Once claimed, the send and its record finish even if the caller goes away.
        // A person's resend is not spaced: they decided to send it now, and a pair-limit refusal tells them why it did not go.
        var (handedOver, outgoing, handedAt) = await HandOverAsync([claimed], spaced: false, CancellationToken.None);
        var result = handedOver.Count == 0
            ? SendOutcome.Failed(0, "not sent: the message was deleted")
            : (await CallProviderAsync(outgoing, handedAt, new SendMoment(clock, slot, handedOver.Count)))[0];
        // A resend is never retried behind the person's back: maxAttempts 0 makes every failure final.
        if (handedOver.Count > 0) await RecordAsync(handedOver, [result], 0);
        await store.RefreshFinishedStatusAsync([claimed.CampaignId], CancellationToken.None);
        return result;
    }

    /// <summary>Renders the payloads, then marks the messages as handed over: the last write before the provider call.</summary>
    /// <param name="spaced">Keep to the provider's pair limit (<see cref="RecipientSpacing"/>), if it has one.</param>
    private async Task<(List<MessageStore.Claimed>, List<OutgoingMessage>, DateTimeOffset)> HandOverAsync(
        IReadOnlyList<MessageStore.Claimed> claimed, bool spaced, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var payloads = await PayloadsAsync(claimed.Select(c => c.CampaignId).Distinct(), cancellationToken);
            var rendered = claimed.Where(c => payloads.ContainsKey(c.CampaignId))
                .Select(c => (Claimed: c, Message: new OutgoingMessage(c.Key, c.AccountId,
                    payloads[c.CampaignId].Render(c.AccountId, settings.Namespace, Params(c.Params)), c.Attempts)))
                .ToList();
            if (spaced && spacing is not null) rendered = await SpaceAsync(rendered, r => r.Message.To, r => r.Claimed);
            var handedAt = clock.GetUtcNow();
            var marked = await store.HandOverAsync(Owner, rendered.ConvertAll(r => r.Claimed), handedAt, settings.Lease, CancellationToken.None);
            var sendable = rendered.Where(r => marked.Contains(r.Claimed.Id)).ToList();
            return (sendable.ConvertAll(r => r.Claimed), sendable.ConvertAll(r => r.Message), handedAt);
        }
        catch
        {
            // Nothing reached the provider: the unmarked ones go back (marked ones, if the mark did commit, stay for recovery).
            await store.ReleaseAsync(Owner, claimed, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The messages whose recipient may get one now; the others go back to PENDING until they may.</summary>
    private async Task<List<T>> SpaceAsync<T>(List<T> messages, Func<T, string> to, Func<T, MessageStore.Claimed> claimed)
    {
        var now = clock.GetUtcNow();
        var go = new List<T>(messages.Count);
        foreach (var message in messages)
        {
            if (spacing!.TryReserve(to(message), now, out var allowedAt)) go.Add(message);
            else await store.DeferAsync(Owner, [claimed(message)], allowedAt, CancellationToken.None);
        }
        return go;
    }

    private async Task RecordAsync(List<MessageStore.Claimed> handedOver, IReadOnlyList<SendOutcome> results, int maxAttempts)
    {
        var outcomes = handedOver.Select((c, i) => new MessageStore.Outcome(c, results[i])).ToList();
        await store.WriteOutcomesAsync(Owner, outcomes, clock.GetUtcNow(), maxAttempts, options.Value.RetryBackoff, CancellationToken.None);
        var inDoubt = handedOver.Where((_, i) => results[i].Failure == SendFailureKind.OutcomeUnknown).Select(c => c.Id).ToList();
        if (inDoubt.Count == 0) return;
        await doubt.SettleAsync(inDoubt, clock.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>Never cancelled: once the mark is written, the call runs to its answer. The pace logs the provider's read of <paramref name="moment"/> (or its last request's departure), or the call's end if it never got there.</summary>
    private async Task<IReadOnlyList<SendOutcome>> CallProviderAsync(IReadOnlyList<OutgoingMessage> batch, DateTimeOffset handedAt, SendMoment moment)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await AnswerOfProviderAsync(batch, handedAt, moment);
        metrics.ProviderAnswered(provider.Name, Stopwatch.GetElapsedTime(started), results);
        return results;
    }

    /// <summary>The provider's outcome for each message; "outcome unknown" for all when it threw or answered for some only.</summary>
    private async Task<IReadOnlyList<SendOutcome>> AnswerOfProviderAsync(IReadOnlyList<OutgoingMessage> batch, DateTimeOffset handedAt, SendMoment moment)
    {
        string why;
        try
        {
            var results = await provider.SendAsync(batch, moment, CancellationToken.None);
            if (results.Count == batch.Count) return results;
            logger.LogError("Provider {Provider} answered {Answered} of {Sent} messages", provider.Name, results.Count, batch.Count);
            why = $"the provider answered for {results.Count} of {batch.Count} messages";
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Provider {Provider} failed on a batch of {Count}", provider.Name, batch.Count);
            why = "the provider call failed";
        }
        finally
        {
            moment.Ended();
        }
        var error = MessageStore.HandedOverWithoutAnswer(handedAt, why);
        return batch.Select(_ => SendOutcome.Failed(0, error, SendFailureKind.OutcomeUnknown)).ToList();
    }

    /// <summary>Each campaign's parsed payload, cached; a deleted campaign is absent (its messages are gone too).</summary>
    private async Task<Dictionary<int, MessagePayload>> PayloadsAsync(IEnumerable<int> campaignIds, CancellationToken cancellationToken)
    {
        var ids = campaignIds.ToList();
        var missing = ids.Where(id => !_payloads.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            if (_payloads.Count > 10_000) _payloads.Clear();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var json = await db.Campaigns.Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.Json }).ToListAsync(cancellationToken);
            foreach (var campaign in json) _payloads[campaign.Id] = MessagePayload.Parse(campaign.Json);
        }
        var found = new Dictionary<int, MessagePayload>(ids.Count);
        foreach (var id in ids)
            if (_payloads.TryGetValue(id, out var payload)) found[id] = payload;
        return found;
    }

    private static List<string> Params(string json) => JsonSerializer.Deserialize<List<string>>(json, CampaignJson.Options) ?? [];
}
