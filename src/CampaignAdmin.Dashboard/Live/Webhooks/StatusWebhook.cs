using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CampaignAdmin.Dashboard.Live.Webhooks;

/// <summary>
/// The vendor's <c>messageStatus</c> webhooks, on or off, and the one secret that proves a call comes from whoever was given it.
/// The secret is made here, shown once, and kept only as its hash; a presented one is compared in constant time. While on, the
/// webhook is a push source for <see cref="LiveUpdates"/>. One per process; the state is re-read from the database every few
/// seconds, so a rotation on another dashboard instance on the same database takes effect here too.
/// </summary>
public sealed class StatusWebhook(IWebhookSecretStore store, LiveUpdates live, TimeProvider clock) : IDisposable
{
    public const string Path = "/webhooks/campaign-api";
    public const string SecretHeader = "X-Webhook-Secret";
    public const string SecretQuery = "secret";
    public const string SecretPrefix = "whs_";
    private const int MaxSecretLength = 256;
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private Known? _known;
    private long _accepted;
    private long _ignored;
    private long _refused;
    private long _lastReceivedTicks;

    /// <summary>The current secret's record (its hash and prefix), or <c>null</c> while webhooks are off.</summary>
    public async Task<WebhookSecretRow?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_known is { } known && clock.GetUtcNow() - known.ReadAt < Fresh) return known.Row;
        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_known is { } again && clock.GetUtcNow() - again.ReadAt < Fresh) return again.Row;
            var row = await store.GetAsync(cancellationToken);
            Remember(row);
            return row;
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary><c>null</c> while webhooks are off; otherwise whether <paramref name="presented"/> is the secret.</summary>
    public async Task<bool?> VerifyAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (await CurrentAsync(cancellationToken) is not { } row) return null;
        var ok = presented is { Length: > 0 and <= MaxSecretLength }
            && CryptographicOperations.FixedTimeEquals(Hash(presented), row.Hash);
        if (!ok) Interlocked.Increment(ref _refused);
        return ok;
    }

    /// <summary>Turns webhooks on with a new secret, or rotates it: the old one stops working at once. The answer is the secret, whole, this once.</summary>
    public async Task<(string Secret, WebhookSecretRow Row)> IssueAsync(string by, CancellationToken cancellationToken = default)
    {
        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var row = new WebhookSecretRow
        {
            Hash = Hash(secret), Prefix = secret[..(SecretPrefix.Length + 4)], CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = by,
        };
        await store.SetAsync(row, cancellationToken);
        Remember(row);
        return (secret, row);
    }

    public async Task TurnOffAsync(CancellationToken cancellationToken = default)
    {
        await store.SetAsync(null, cancellationToken);
        Remember(null);
    }

    public void Received(int accepted, int ignored)
    {
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _ignored, ignored);
        Interlocked.Exchange(ref _lastReceivedTicks, clock.GetUtcNow().UtcTicks);
    }

    /// <summary>What arrived since this process started: for the API connection page.</summary>
    public WebhookCounts Counts => new(
        Interlocked.Read(ref _accepted), Interlocked.Read(ref _ignored), Interlocked.Read(ref _refused),
        Interlocked.Read(ref _lastReceivedTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null);

    private void Remember(WebhookSecretRow? row)
    {
        _known = new Known(row, clock.GetUtcNow());
        if (row is null) live.RemoveSource(LiveSources.Webhook);
        else live.AddSource(LiveSources.Webhook);
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public void Dispose() => _reload.Dispose();

    private sealed record Known(WebhookSecretRow? Row, DateTimeOffset ReadAt);
}

/// <param name="LastReceivedAt">The last accepted call (UTC), or <c>null</c> if none since the dashboard started.</param>
public sealed record WebhookCounts(long Accepted, long Ignored, long Refused, DateTimeOffset? LastReceivedAt);
