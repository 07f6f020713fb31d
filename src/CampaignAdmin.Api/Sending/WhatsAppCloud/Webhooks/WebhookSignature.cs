using System.Security.Cryptography;
using System.Text;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;

/// <summary>
/// Meta signs every delivery: <c>X-Hub-Signature-256: sha256=</c> and the hex HMAC-SHA256 of the raw body under the app
/// secret. Checked over the bytes exactly as they arrived (never over re-serialised JSON), in constant time.
/// </summary>
public sealed class WebhookSignature(byte[] appSecret)
{
    public const string Header = "X-Hub-Signature-256";
    public const string Prefix = "sha256=";

    private const int HexLength = 64;

    public static WebhookSignature For(WhatsAppCloudOptions options) => new(Encoding.UTF8.GetBytes(options.AppSecret));

    public bool IsValid(ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || header.Length != Prefix.Length + HexLength || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return false;
        Span<byte> sent = stackalloc byte[HexLength / 2];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), sent, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != sent.Length)
            return false;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(appSecret, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, sent);
    }

    /// <summary>The header value Meta would send for <paramref name="body"/>.</summary>
    public string Sign(ReadOnlySpan<byte> body) => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(appSecret, body));
}
