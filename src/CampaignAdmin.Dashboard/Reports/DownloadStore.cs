using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CampaignAdmin.Dashboard.Reports;

/// <summary>
/// Files made in a circuit (an import's rejected rows) that the browser fetches with a normal link: held briefly under an
/// unguessable token, so nothing large crosses the circuit and no JavaScript is needed.
/// </summary>
public sealed class DownloadStore(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Download> _files = new(StringComparer.Ordinal);

    public sealed record Download(string FileName, string ContentType, byte[] Content, DateTimeOffset Expires);

    /// <summary>A new token for a file that will be <see cref="Put"/> (and replaced) later.</summary>
    public static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public static string UrlOf(string token) => $"downloads/{token}";

    public void Put(string token, string fileName, string contentType, byte[] content)
    {
        Prune();
        _files[token] = new Download(fileName, contentType, content, clock.GetUtcNow() + Lifetime);
    }

    public void Remove(string token) => _files.TryRemove(token, out _);

    public Download? Get(string token) =>
        _files.TryGetValue(token, out var file) && file.Expires > clock.GetUtcNow() ? file : null;

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (token, file) in _files)
            if (file.Expires <= now) _files.TryRemove(token, out _);
    }
}
