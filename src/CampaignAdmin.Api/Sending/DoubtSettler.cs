using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Settles "outcome unknown" from evidence: asks a provider that can answer (<see cref="IProviderLookup"/>) whether it
/// accepted each message handed to it without an answer. Receipts settle such messages too (MessageStore.Receipts.cs).
/// </summary>
public sealed class DoubtSettler(
    MessageStore store,
    IMessageProvider provider,
    IOptions<DispatcherOptions> options,
    ILogger<DoubtSettler> logger)
{
    private const int Chunk = 500;

    /// <summary>The provider is asked only where it can answer, and where it is allowed to be.</summary>
    private IProviderLookup? Lookup => options.Value.AskProvider ? provider as IProviderLookup : null;

    /// <summary>
    /// Asks the provider about the messages in doubt (all of them, or only those of <paramref name="ids"/>) and records
    /// its answers; returns how many were settled. A provider call that just ended without an answer is asked about at
    /// once: the provider's "never accepted" is certain by contract (<see cref="IProviderLookup"/>).
    /// </summary>
    public async Task<int> SettleAsync(IReadOnlyCollection<long>? ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Lookup is not { } lookup) return 0;
        var inDoubt = await store.InDoubtAsync(ids, cancellationToken);
        var (sent, notSent) = (0, 0);
        foreach (var chunk in inDoubt.Chunk(Chunk))
        {
            IReadOnlyList<LookupResult> answers;
            try
            {
                answers = await lookup.FindAsync(chunk.Select(m => m.Key).ToList(), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // They stay "outcome unknown"; the provider is asked again after the next start. Sending goes on meanwhile.
                logger.LogError(exception, "Asking {Provider} about {Count} messages with an unknown outcome failed", provider.Name, chunk.Length);
                continue;
            }
            if (answers.Count != chunk.Length)
            {
                logger.LogError("Provider {Provider} answered {Answered} of {Asked} look-ups; those messages stay outcome unknown", provider.Name, answers.Count, chunk.Length);
                continue;
            }
            var (s, n) = await store.SettleAsync(chunk.Zip(answers).ToList(), now, options.Value.MaxAttempts, cancellationToken);
            (sent, notSent) = (sent + s, notSent + n);
        }
        if (inDoubt.Count > 0)
        {
            logger.LogWarning("Asked {Provider} about {Count} messages with an unknown outcome: {Sent} had been sent, {NotSent} had not, {Unknown} still unknown",
                provider.Name, inDoubt.Count, sent, notSent, inDoubt.Count - sent - notSent);
        }
        return sent + notSent;
    }
}
