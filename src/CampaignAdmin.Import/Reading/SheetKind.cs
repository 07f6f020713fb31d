using System.IO.Compression;

namespace CampaignAdmin.Import.Reading;

internal enum SheetKind
{
    Text,
    Workbook,
    OldWorkbook,
    NotASpreadsheet,
}

/// <summary>What a file is by its bytes, whatever its name says: a PNG renamed .csv is still a PNG.</summary>
internal static class SheetKinds
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZip = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();

    /// <summary>Zips and old Office files by their magic bytes; a PDF too (its first lines read as text); anything else is read as text.</summary>
    public static SheetKind Of(byte[] bytes)
    {
        var head = bytes.AsSpan();
        if (head.StartsWith(Zip) || head.StartsWith(EmptyZip)) return IsWorkbook(bytes) ? SheetKind.Workbook : SheetKind.NotASpreadsheet;
        if (head.StartsWith(Ole2)) return SheetKind.OldWorkbook;
        return head.StartsWith(Pdf) ? SheetKind.NotASpreadsheet : SheetKind.Text;
    }

    /// <summary>An .xlsx is a zip with a workbook part; a zip that cannot be opened is left to the workbook reader to refuse.</summary>
    private static bool IsWorkbook(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("xl/workbook.xml") is not null || zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
