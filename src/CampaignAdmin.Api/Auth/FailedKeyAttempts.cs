using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using CampaignAdmin.Api.Hosting;
using CampaignAdmin.Contracts.Validation;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Auth;

/// <summary>
/// Wrong API keys per client (docs/WIRE.md, "Every request"): a token bucket of <c>RateLimiting:FailedKeyAttemptsPerMinute</c>
/// failures per client address that refills at that rate. While it is empty, every request from that client that brings a key
/// is answered 429 before the key is looked at, right key or wrong: answering a right one would show a guesser which guess
/// was right. Requests with a working key never take from the bucket, so the embedded dashboard's calls never count.
/// </summary>
public sealed partial class FailedKeyAttempts : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly bool _enabled;
    private readonly TimeSpan _refill;
    private readonly ILogger<FailedKeyAttempts> _logger;

    public FailedKeyAttempts(IOptions<RateLimitOptions> options, ILogger<FailedKeyAttempts> logger)
    {
        var perMinute = options.Value.FailedKeyAttemptsPerMinute;
        _enabled = options.Value.Enabled && perMinute > 0;
        _logger = logger;
        _refill = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = _refill,
            QueueLimit = 0,
            // The partitioned limiter refills its buckets itself, and forgets those that stay full.
            AutoReplenishment = false,
        }));
    }

    /// <summary>The 429 for a client whose bucket is empty, or <c>null</c> when it may try a key.</summary>
    public IResult? Refusal(HttpContext context)
    {
        // Asking the bucket for 0 tokens succeeds even when it is empty: its statistics say whether anything is left.
        if (!_enabled || _limiter.GetStatistics(ClientOf(context)) is not { CurrentAvailablePermits: <= 0 }) return null;
        // One token comes back every refill period: that is when the client may try again.
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(_refill.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return ApiResults.Error(StatusCodes.Status429TooManyRequests, ErrorTexts.TooManyFailedKeyAttempts);
    }

    /// <summary>A key that is unknown, revoked or too long: one attempt less for its client.</summary>
    public void RecordFailure(HttpContext context)
    {
        if (!_enabled) return;
        var client = ClientOf(context);
        using (_limiter.AttemptAcquire(client, 1)) { }
        if (_limiter.GetStatistics(client)?.CurrentAvailablePermits == 0) LogBlocked(_logger, client);
    }

    /// <summary>
    /// The connection's address: behind a configured proxy the dashboard's forwarded-headers step has already put the
    /// browser's there. IPv6 clients count by their /64, which one machine usually holds whole.
    /// </summary>
    internal static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address)) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    public void Dispose() => _limiter.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {Client} is refused API keys for a while: too many failed API key attempts")]
    private static partial void LogBlocked(ILogger logger, string client);
}
