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
    private const int TimeBytes = 6;
    private const int RandomBytes = Bytes - TimeBytes;

    /// <summary>
    /// <paramref name="count"/> keys of the millisecond <paramref name="now"/>, ascending. The random parts are sorted as
    /// numbers before they are written out: fixed-width upper-case hex orders as its value does, and sorting 128-bit
    /// integers costs a tenth of sorting the strings with a comparer (a create makes 100,000 keys on its critical path).
    /// </summary>
    public static string[] NewBatch(int count, DateTimeOffset now)
    {
        var random = RandomNumberGenerator.GetBytes(count * RandomBytes);
        var suffixes = new UInt128[count];
        Span<byte> wide = stackalloc byte[16];
        wide.Clear(); // the top 7 bytes stay zero: a suffix is 72 bits
        for (var i = 0; i < count; i++)
        {
            random.AsSpan(i * RandomBytes, RandomBytes).CopyTo(wide[(16 - RandomBytes)..]);
            suffixes[i] = BinaryPrimitives.ReadUInt128BigEndian(wide);
        }
        Array.Sort(suffixes);

        Span<byte> buffer = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(buffer[..8], now.ToUnixTimeMilliseconds() << 16); // the 48-bit time in bytes 0–5
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt128BigEndian(wide, suffixes[i]);
            wide[(16 - RandomBytes)..].CopyTo(buffer[TimeBytes..]);
            keys[i] = Convert.ToHexString(buffer[..Bytes]);
        }
        return keys;
    }
}
