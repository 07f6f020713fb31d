using System.Collections.Concurrent;

namespace CampaignAdmin.Dashboard.Campaigns;

/// <summary>
/// The resends this dashboard process has in flight, across every circuit (tab) and user: a second resend of a message
/// while the first is still running is refused instead of sent. One process drives one company (one API key), so a
/// campaign ID and a message key name a message. Registered as a singleton.
/// </summary>
public sealed class ResendsInFlight
{
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The claim on one message (dispose it once the resend settled), or <c>null</c> when one is in flight.</summary>
    public IDisposable? TryClaim(int campaignId, string messageKey) => TryClaim($"{campaignId}:{messageKey.Trim()}");

    /// <summary>The claim on a campaign's "resend all failed", or <c>null</c> when one is running.</summary>
    public IDisposable? TryClaimAll(int campaignId) => TryClaim($"{campaignId}:all");

    private Claim? TryClaim(string id) => _running.TryAdd(id, 0) ? new Claim(this, id) : null;

    private sealed class Claim(ResendsInFlight owner, string id) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner._running.TryRemove(id, out _);
        }
    }
}
