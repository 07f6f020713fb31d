using System.Security.Cryptography;
using System.Text;

namespace CampaignAdmin.Tests.Shared;

/// <summary>Signs a webhook body the way Meta does: <c>X-Hub-Signature-256: sha256=</c> + hex HMAC-SHA256 of the raw bytes under the app secret.</summary>
public static class WebhookSigner
{
    public const string Header = "X-Hub-Signature-256";

    public static string Sign(string appSecret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    public static string Sign(string appSecret, string body) => Sign(appSecret, Encoding.UTF8.GetBytes(body));
}
