using System.Text;

namespace CampaignAdmin.Import.Reading;

/// <summary>A CSV's bytes as text: which encoding they are in, and whether they are text at all.</summary>
internal static class SheetText
{
    /// <summary>How much of the start of a file decides whether it is text: enough for any header row and a few rows.</summary>
    private const int SniffChars = 8 * 1024;

    static SheetText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// By BOM UTF-8 or UTF-16 (Excel's "Unicode text"); otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1256,
    /// Arabic Excel's CSV encoding.
    /// </summary>
    public static (string Text, string Encoding) Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "UTF-8 (BOM)");
        if (span.StartsWith(Encoding.Unicode.Preamble)) return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16");
        if (span.StartsWith(Encoding.BigEndianUnicode.Preamble)) return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16 (big-endian)");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1256).GetString(bytes), "Windows-1256");
        }
    }

    /// <summary>
    /// Text has no NUL and hardly any other control characters (a stray one in a person's sheet is allowed); an image, a PDF's
    /// streams or random bytes, decoded any way, are full of them.
    /// </summary>
    public static bool IsText(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, SniffChars));
        var controls = 0;
        foreach (var c in head)
        {
            if (c == '\0') return false;
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))) controls++;
        }
        return controls <= 2 || controls * 100 <= head.Length;
    }
}
