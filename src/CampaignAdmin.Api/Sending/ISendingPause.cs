namespace CampaignAdmin.Api.Sending;

/// <summary>
/// An optional capability of a provider: sending as a whole can be paused, for every campaign of every company, because
/// the provider cannot send anything (WhatsApp: Meta refused the access token). While paused the dispatcher claims
/// nothing and gives back what it holds; the dashboard shows why (<c>GET /v2/sending</c>). The provider records it where
/// every API process sees it, and says how it is cleared.
/// </summary>
public interface ISendingPause
{
    /// <summary>The pause in force, or null when sending is on. Cheap: called on every dispatcher pass.</summary>
    ValueTask<SendingPaused?> CurrentAsync(CancellationToken cancellationToken);
}

/// <param name="Reason">Shown as it is: <c>sending paused: the access token was refused …</c>.</param>
/// <param name="ErrorCode">The provider's code that paused it (190), 0 when it had none.</param>
public sealed record SendingPaused(string Reason, int ErrorCode, DateTimeOffset Since);
