using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace CampaignAdmin.Import.Reading;

/// <summary>
/// Reads recipients' spreadsheets: CSV (UTF-8 with or without BOM, UTF-16 with a BOM, else Windows-1256 as Arabic Excel
/// exports it; <c>,</c> <c>;</c> or tab, detected; quoted fields with embedded newlines) through CsvHelper, and XLSX through
/// MiniExcel. Every cell has our own formula guard (<see cref="Spreadsheet.Unguard"/>) taken off, so our files read back.
/// </summary>
public static class SheetReader
{
    public const int MaxRows = 200_000;

    public const string NotASpreadsheet = "This file isn't a spreadsheet: choose a CSV, TXT or XLSX file.";

    private const string OldWorkbook = "Old .xls workbooks cannot be read: save the sheet as .xlsx or .csv and upload that.";

    /// <summary>By what the bytes are, not the file's name: text is read as CSV, a workbook as XLSX, anything else refused.</summary>
    public static SheetTable Read(Stream stream, string fileName)
    {
        var bytes = ReadAll(stream);
        var oldName = Path.GetExtension(fileName).Equals(".xls", StringComparison.OrdinalIgnoreCase);
        return SheetKinds.Of(bytes) switch
        {
            SheetKind.Workbook => ReadXlsx(new MemoryStream(bytes, writable: false)),
            SheetKind.OldWorkbook => throw new ImportException(OldWorkbook),
            SheetKind.Text when ReadCsv(bytes) is { } table => table,
            _ => throw new ImportException(oldName ? OldWorkbook : NotASpreadsheet),
        };
    }

    public static SheetTable ReadCsv(Stream stream) => ReadCsv(ReadAll(stream)) ?? throw new ImportException(NotASpreadsheet);

    /// <summary>The table, or <c>null</c> when the bytes are not text in any encoding we read.</summary>
    private static SheetTable? ReadCsv(byte[] bytes)
    {
        var (text, encoding) = SheetText.Decode(bytes);
        if (!SheetText.IsText(text)) return null;
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
            records.Add((csv.Row, Array.ConvertAll(csv.Record ?? [], Spreadsheet.Unguard)));
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
                records.Add((line, row.Values.Select(v => Spreadsheet.Unguard(CellText(v))).ToArray()));
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
