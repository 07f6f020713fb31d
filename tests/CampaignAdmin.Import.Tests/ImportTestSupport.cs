using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Import.Reading;

namespace CampaignAdmin.Import.Tests;

internal static class Samples
{
    public static SheetTable Read(string name)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Samples", name));
        return SheetReader.Read(stream, name);
    }

    /// <summary>Messages as the API pages them in: one at a time, asynchronously.</summary>
    public static async IAsyncEnumerable<Contracts.Campaigns.CampaignMessage> Async(IEnumerable<Contracts.Campaigns.CampaignMessage> messages)
    {
        foreach (var message in messages)
        {
            await Task.Yield();
            yield return message;
        }
    }

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    /// <summary>order_confirmation's two body variables.</summary>
    public static List<TemplateVariable> TwoBodyVariables { get; } =
    [
        new() { Slot = 1, Kind = VariableKind.Body, Label = "Body {{1}}", Example = "John" },
        new() { Slot = 2, Kind = VariableKind.Body, Label = "Body {{2}}", Example = "ORD-12345" },
    ];
}

/// <summary>Files people pick by mistake: the start of each is what the real thing begins with.</summary>
internal static class NotSpreadsheets
{
    public static byte[] Of(string kind) => kind switch
    {
        "png" => [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8, 0, 0, 0, 0x10, 0, 0, 0, 0x10, 8, 6, 0, 0, 0, .. Random(2000, 1)],
        "pdf" => [.. "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"u8, .. Random(2000, 2)],
        "random" => Random(4000, 3),
        "zip" => Zip(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A zip of a text file: a zip, but not a workbook.</summary>
    private static byte[] Zip()
    {
        using var memory = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            entry.Write("Account ID,Body {{1}}\n+966539078942,John\n");
        }
        return memory.ToArray();
    }
}
