namespace CampaignAdmin.Api.Hosting;

/// <summary>Checks on a JSON body's raw bytes, before it is parsed.</summary>
internal static class JsonText
{
    /// <summary>
    /// Whether a string in the JSON holds U+0000. JSON can carry it only escaped (a raw control byte is malformed), as
    /// <c>\u0000</c> after an even number of backslashes; <c>\\u0000</c> is a backslash and the text "u0000". A vectorized
    /// search, so a 70 MiB create costs a few milliseconds.
    /// </summary>
    public static bool HasNul(ReadOnlySpan<byte> json)
    {
        var offset = 0;
        while (true)
        {
            var at = json[offset..].IndexOf("\\u0000"u8);
            if (at < 0) return false;
            at += offset;
            var backslashes = 1;
            while (at - backslashes >= 0 && json[at - backslashes] == (byte)'\\') backslashes++;
            if (backslashes % 2 == 1) return true;
            offset = at + 1;
        }
    }
}
