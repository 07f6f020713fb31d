using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CampaignAdmin.Api.Campaigns;

/// <summary>
/// Message keys: 30 upper-case hex characters like the vendor's. The first 6 bytes are the creation time in
/// milliseconds and the other 9 random (72 bits), and a campaign's keys are issued in ascending order: new keys land
/// at the end of the unique index instead of all over it, which makes a 100,000-message insert markedly cheaper.
/// A key is only usable with its company's API key, so its time prefix gives nothing away.
/// </summary>
internal static class MessageKeys
{
    private const int Bytes = 15;

    public static string[] NewBatch(int count, DateTimeOffset now)
    {
        var random = RandomNumberGenerator.GetBytes(count * Bytes);
        var time = now.ToUnixTimeMilliseconds();
        Span<byte> buffer = stackalloc byte[Bytes];
        BinaryPrimitives.WriteInt64BigEndian(buffer[..8], time << 16); // the 48-bit time in bytes 0–5
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            random.AsSpan(i * Bytes + 6, Bytes - 6).CopyTo(buffer[6..]);
            keys[i] = Convert.ToHexString(buffer);
        }
        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }
}
