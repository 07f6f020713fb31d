using System.Security.Cryptography;
using System.Text;
using CampaignAdmin.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Auth;

/// <summary>Issues and checks API keys. Only SHA-256 hashes are stored; keys are compared in constant time.</summary>
public static class ApiKeys
{
    private const string KeyPrefix = "ca_";

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A new random key: <c>ca_</c> and 43 URL-safe characters (256 bits).</summary>
    public static string Generate() =>
        KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Stores a key for the company and returns the stored row (the key itself is not kept).</summary>
    public static async Task<ApiKey> AddAsync(CampaignDb db, int companyId, string key, bool managesKeys, CancellationToken cancellationToken = default)
    {
        var row = new ApiKey
        {
            CompanyId = companyId,
            Hash = Hash(key),
            Prefix = PrefixOf(key),
            CreatedAt = DateTimeOffset.UtcNow,
            ManagesKeys = managesKeys,
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>What is shown of a key: at most 10 characters and at most a quarter of it, so a short configured key stays secret.</summary>
    public static string PrefixOf(string key) => key[..Math.Min(10, key.Length / 4)];

    /// <summary>The working key (its ID and company) that <paramref name="key"/> is, or <c>null</c> for a missing, unknown or revoked key.</summary>
    public static async Task<CallerKey?> FindAsync(CampaignDb db, string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var match = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.CompanyId, k.Id, k.Hash, k.ManagesKeys })
            .FirstOrDefaultAsync(cancellationToken);
        // The lookup is by hash; the explicit fixed-time comparison keeps the check itself free of timing signals.
        return match is not null && CryptographicOperations.FixedTimeEquals(match.Hash, hash) ? new CallerKey(match.CompanyId, match.Id, match.ManagesKeys) : null;
    }
}

/// <summary>The working key a request came with.</summary>
public sealed record CallerKey(int CompanyId, int KeyId, bool ManagesKeys);
