using System.Security.Cryptography;
using System.Text;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;

/// <summary>
/// Meta's subscription handshake proves the caller knows <c>WhatsAppCloud:VerifyToken</c>. Both sides are hashed first, so
/// the comparison takes the same time whatever was sent, its length included.
/// </summary>
public sealed class VerifyToken(string token)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool Matches(string? sent) =>
        sent is not null && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(sent)));
}
