using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Web.Components.Builder;

/// <summary>Adding, deleting and pasting recipients (rows of <see cref="CampaignClient"/>).</summary>
public static class RecipientRows
{
    public static CampaignClient Blank(int columns) =>
        new() { AccountId = "", Params = Enumerable.Repeat("", columns).ToList() };

    /// <summary>
    /// Rows pasted from a spreadsheet: one per line, cells separated by tabs (or commas/semicolons when there is no tab),
    /// the first cell the account ID, the rest its params, kept exactly as pasted so a missing cell shows as an error.
    /// A header line (first cell not a phone-like value such as "Account ID") is skipped.
    /// </summary>
    public static List<CampaignClient> Parse(string text)
    {
        var rows = new List<CampaignClient>();
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var separator = line.Contains('\t') ? '\t' : line.Contains(';') ? ';' : line.Contains(',') ? ',' : '\t';
            var cells = line.Split(separator).Select(c => c.Trim()).ToList();
            if (rows.Count == 0 && IsHeader(cells[0])) continue;
            rows.Add(new CampaignClient { AccountId = cells[0], Params = cells.Skip(1).ToList() });
        }
        return rows;
    }

    private static bool IsHeader(string cell) => cell.Any(char.IsLetter) && !cell.Any(char.IsDigit);

    /// <summary>Pads or trims a row's params to the grid's columns (used when the template changes).</summary>
    public static void Fit(CampaignClient client, int columns)
    {
        if (client.Params.Count > columns) client.Params.RemoveRange(columns, client.Params.Count - columns);
        while (client.Params.Count < columns) client.Params.Add("");
    }

    /// <summary>Sets one cell, growing the row when it was pasted short.</summary>
    public static void Set(CampaignClient client, int column, string value)
    {
        while (client.Params.Count <= column) client.Params.Add("");
        client.Params[column] = value;
    }
}
