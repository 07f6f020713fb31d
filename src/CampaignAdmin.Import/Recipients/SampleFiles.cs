using System.Text;
using CampaignAdmin.Contracts.Templates;
using CsvHelper;

namespace CampaignAdmin.Import.Recipients;

/// <summary>Files the person downloads: a sample to fill in for a template, and the rows an import rejected.</summary>
public static class SampleFiles
{
    public static string SampleCsv(TemplateDto template)
    {
        using var writer = new StringWriter();
        using var csv = new CsvWriter(writer, System.Globalization.CultureInfo.InvariantCulture);
        var variables = template.EffectiveVariables;
        csv.WriteField("Account ID");
        foreach (var heading in ColumnHeadings.Of(variables)) csv.WriteField(Spreadsheet.Neutralize(heading));
        csv.NextRecord();
        foreach (var number in new[] { "+966539078942", "+966539078944" })
        {
            csv.WriteField(Spreadsheet.Neutralize(number));
            foreach (var variable in variables) csv.WriteField(Spreadsheet.Neutralize(variable.Example));
            csv.NextRecord();
        }
        return writer.ToString();
    }

    /// <summary>
    /// Rows still wrong and rows dropped, in file order, with their row number and the reason, so they can be mended in
    /// the source sheet.
    /// </summary>
    private static readonly string[] RejectedHeaders = ["Row", "Problem", "Account ID"];

    public static string RejectedCsv(ImportSession session, IReadOnlyList<string> variableLabels)
    {
        using var writer = new StringWriter();
        using var csv = new CsvWriter(writer, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var header in RejectedHeaders.Concat(variableLabels)) csv.WriteField(header);
        csv.NextRecord();
        var dropped = session.DroppedRows.Select(r => (Row: r, Dropped: true));
        foreach (var (row, wasDropped) in session.Problems.Select(r => (Row: r, Dropped: false)).Concat(dropped).OrderBy(r => r.Row.Number))
        {
            csv.WriteField(row.Number);
            var problem = row.Problem is null ? "Dropped" : wasDropped ? row.ProblemText + " (dropped)" : row.ProblemText;
            csv.WriteField(Spreadsheet.Neutralize(problem));
            csv.WriteField(Spreadsheet.Neutralize(row.RawAccountId));
            foreach (var value in row.Params) csv.WriteField(Spreadsheet.Neutralize(value));
            csv.NextRecord();
        }
        return writer.ToString();
    }

    /// <summary>UTF-8 with a BOM, so Excel opens Arabic text correctly.</summary>
    public static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];
}
