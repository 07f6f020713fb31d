using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using CampaignAdmin.Api.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Hosting;

/// <summary>The <c>RateLimiting</c> configuration section: a token bucket per API key.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second per key. Generous by default: the dashboard uses one key for all its staff.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>How many requests a key may make at once after a quiet spell.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>Wrong API keys one client may send per minute (and at once) before its keys are refused for a while; 0 switches it off.</summary>
    public int FailedKeyAttemptsPerMinute { get; set; } = 20;
}

/// <summary>429 with <c>Retry-After</c> when a key goes over its rate. Keys are partitioned by their hash, never kept or logged.</summary>
public static class ApiRateLimiting
{
    public const string Policy = "per-api-key";

    public static IServiceCollection AddApiKeyRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<FailedKeyAttempts>();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                if (!options.Enabled) return RateLimitPartition.GetNoLimiter("disabled");
                return RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, options.Burst),
                    ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                    TokensPerPeriod = Math.Max(1, options.PermitsPerSecond / 10),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ApiResults.WriteErrorAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"rate limit exceeded: try again in {seconds} s"));
            };
        });
        return services;
    }

    private static string PartitionKey(HttpContext context)
    {
        var key = context.Request.Headers[CampaignAdmin.Contracts.Wire.WireHeaders.ApiKey].ToString();
        return key.Length > 0
            ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))
            : $"anonymous:{context.Connection.RemoteIpAddress}";
    }
}
