using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace CampaignAdmin.Import.Reading;

/// <summary>
/// Reads recipients' spreadsheets: CSV (UTF-8 with or without BOM, else Windows-1256 as Arabic Excel exports it;
/// <c>,</c> <c>;</c> or tab, detected; quoted fields with embedded newlines) through CsvHelper, and XLSX through MiniExcel.
/// </summary>
public static class SheetReader
{
    public const int MaxRows = 200_000;

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SheetTable Read(Stream stream, string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" or ".txt" or ".tsv" => ReadCsv(stream),
            ".xlsx" => ReadXlsx(stream),
            ".xls" => throw new ImportException("Old .xls workbooks cannot be read: save the sheet as .xlsx or .csv and upload that."),
            var other => throw new ImportException($"\"{other}\" files cannot be read: upload a .csv or .xlsx file."),
        };

    public static SheetTable ReadCsv(Stream stream)
    {
        var bytes = ReadAll(stream);
        var (text, encoding) = Decode(bytes);
        var delimiter = DetectDelimiter(text);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
        };
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, configuration);
        var records = new List<(int Line, string[] Cells)>();
        while (csv.Read())
        {
            if (records.Count > MaxRows) throw TooMany();
            records.Add((csv.Row, csv.Record ?? []));
        }
        return ToTable(records, "CSV", encoding, delimiter == "\t" ? "tab" : delimiter);
    }

    public static SheetTable ReadXlsx(Stream stream)
    {
        var records = new List<(int Line, string[] Cells)>();
        try
        {
            var line = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                line++;
                if (records.Count > MaxRows) throw TooMany();
                records.Add((line, row.Values.Select(CellText).ToArray()));
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw new ImportException("This file is not a readable .xlsx workbook.");
        }
        return ToTable(records, "XLSX", "", "");
    }

    /// <summary>Excel keeps phone numbers as numbers; they must come back as all their digits, not 9.66E+11.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e17 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static SheetTable ToTable(List<(int Line, string[] Cells)> records, string format, string encoding, string delimiter)
    {
        // Blank lines (and Excel's trailing empty rows) are not recipients.
        var rows = records.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw new ImportException("The file is empty.");
        var headers = rows[0].Cells.Select(h => h.Trim()).ToList();
        var width = rows.Max(r => r.Cells.Length);
        while (headers.Count < width) headers.Add($"Column {headers.Count + 1}");
        var data = rows.Skip(1).Select(r => new SheetRow(r.Line, r.Cells)).ToList();
        return new SheetTable(headers, data, format, encoding, delimiter);
    }

    /// <summary>UTF-8 when the bytes are UTF-8 (BOM or not); otherwise Windows-1256, Arabic Excel's CSV encoding.</summary>
    private static (string Text, string Encoding) Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "UTF-8 (BOM)");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1256).GetString(bytes), "Windows-1256");
        }
    }

    /// <summary>The candidate that splits the first lines most consistently into more than one column.</summary>
    private static string DetectDelimiter(string text)
    {
        var lines = text.Split('\n', 20).Take(10).Where(l => l.Trim().Length > 0).ToList();
        string[] candidates = [",", ";", "\t"];
        return candidates
            .Select(d => (Delimiter: d, Counts: lines.Select(l => CountOutsideQuotes(l, d[0])).ToList()))
            .Where(c => c.Counts.Count > 0 && c.Counts[0] > 0)
            .OrderByDescending(c => c.Counts.Count(n => n == c.Counts[0]))
            .ThenByDescending(c => c.Counts[0])
            .Select(c => c.Delimiter)
            .FirstOrDefault() ?? ",";
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == delimiter && !quoted) count++;
        }
        return count;
    }

    private static byte[] ReadAll(Stream stream)
    {
        // A seekable stream (an upload buffered to a temp file) is read straight into one array of its size.
        if (stream.CanSeek && stream.Length - stream.Position <= int.MaxValue)
        {
            var bytes = new byte[stream.Length - stream.Position];
            stream.ReadExactly(bytes);
            return bytes;
        }
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static ImportException TooMany() => new($"The file has more than {MaxRows:N0} rows; split it into smaller files.");
}
