using System.Collections.Concurrent;
using System.Text.Json;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Wire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Turns claimed messages into payloads, hands them to the provider and records the outcome. A provider that
/// throws has an unknown outcome for the whole batch: those messages end FAILED and are never sent again unasked.
/// </summary>
public sealed class MessageSender(
    IMessageProvider provider,
    MessageStore store,
    IDbContextFactory<CampaignDb> contexts,
    IOptions<DispatcherOptions> options,
    TimeProvider clock,
    ILogger<MessageSender> logger)
{
    /// <summary>This process, as the owner of the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    private readonly ConcurrentDictionary<int, MessagePayload> _payloads = new();

    /// <summary>Sends claimed messages; messages of campaigns deleted since the claim are dropped unsent.</summary>
    public async Task SendAsync(IReadOnlyList<MessageStore.Claimed> claimed, int maxAttempts, CancellationToken cancellationToken)
    {
        var payloads = await PayloadsAsync(claimed.Select(c => c.CampaignId).Distinct(), cancellationToken);
        var sendable = claimed.Where(c => payloads.ContainsKey(c.CampaignId)).ToList();
        if (sendable.Count == 0) return;

        var outgoing = sendable.Select(c => new OutgoingMessage(c.Key, c.AccountId,
            payloads[c.CampaignId].Render(c.AccountId, options.Value.Namespace, Params(c.Params)), c.Attempts)).ToList();
        var results = await CallProviderAsync(outgoing, cancellationToken);
        var outcomes = sendable.Select((c, i) => new MessageStore.Outcome(c, results[i])).ToList();
        // The provider has spoken: record it even if we are being stopped, or a sent message would look unsent.
        await store.WriteOutcomesAsync(outcomes, clock.GetUtcNow(), maxAttempts, options.Value.RetryBackoff, CancellationToken.None);
    }

    /// <summary>A person's resend of one FAILED message; <c>null</c> when the message is not FAILED (or not this company's).</summary>
    public async Task<SendOutcome?> ResendAsync(int companyId, string key, CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimForResendAsync(companyId, key, Owner, clock.GetUtcNow(), options.Value.Lease, cancellationToken);
        if (claimed is null) return null;
        var payloads = await PayloadsAsync([claimed.CampaignId], CancellationToken.None);
        var payload = payloads[claimed.CampaignId].Render(claimed.AccountId, options.Value.Namespace, Params(claimed.Params));
        var result = (await CallProviderAsync([new OutgoingMessage(claimed.Key, claimed.AccountId, payload, claimed.Attempts)], CancellationToken.None))[0];
        // A resend is never retried behind the person's back: maxAttempts 0 makes every failure final.
        await store.WriteOutcomesAsync([new MessageStore.Outcome(claimed, result)], clock.GetUtcNow(), 0, options.Value.RetryBackoff, CancellationToken.None);
        await store.RefreshFinishedStatusAsync([claimed.CampaignId], CancellationToken.None);
        return result;
    }

    private async Task<IReadOnlyList<SendOutcome>> CallProviderAsync(IReadOnlyList<OutgoingMessage> batch, CancellationToken cancellationToken)
    {
        try
        {
            var results = await provider.SendAsync(batch, cancellationToken);
            if (results.Count == batch.Count) return results;
            logger.LogError("Provider {Provider} answered {Answered} of {Sent} messages", provider.Name, results.Count, batch.Count);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Provider {Provider} failed on a batch of {Count}", provider.Name, batch.Count);
        }
        return batch.Select(_ => SendOutcome.Failed(0, $"{MessageStore.OutcomeUnknown}: the provider did not answer", SendFailureKind.OutcomeUnknown)).ToList();
    }

    private async Task<Dictionary<int, MessagePayload>> PayloadsAsync(IEnumerable<int> campaignIds, CancellationToken cancellationToken)
    {
        var ids = campaignIds.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Asked every batch on purpose: a campaign deleted since the claim must not send.
        var live = await db.Campaigns.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var missing = live.Where(id => !_payloads.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            if (_payloads.Count > 10_000) _payloads.Clear();
            var json = await db.Campaigns.Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.Json }).ToListAsync(cancellationToken);
            foreach (var campaign in json) _payloads[campaign.Id] = MessagePayload.Parse(campaign.Json);
        }
        return live.ToDictionary(id => id, id => _payloads[id]);
    }

    private static List<string> Params(string json) => JsonSerializer.Deserialize<List<string>>(json, CampaignJson.Options) ?? [];
}
