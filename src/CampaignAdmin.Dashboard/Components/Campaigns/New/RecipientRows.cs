using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

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

    /// <summary>
    /// Rows brought in by an import, after the rows already there; a first blank row the user never typed in is a
    /// placeholder, not a recipient, and goes.
    /// </summary>
    public static void AddImported(List<CampaignClient> clients, IReadOnlyCollection<CampaignClient> imported)
    {
        if (imported.Count > 0 && clients.Count == 1 && string.IsNullOrEmpty(clients[0].AccountId) && clients[0].Params.All(string.IsNullOrEmpty))
            clients.Clear();
        clients.AddRange(imported);
    }

    /// <summary>Removes every row whose number (as E.164 in <paramref name="region"/>) repeats an earlier row's; returns how many went.</summary>
    public static int RemoveDuplicates(List<CampaignClient> clients, string region)
    {
        var normalized = Normalize(clients, region);
        var seen = new HashSet<string>(clients.Count, StringComparer.Ordinal);
        var index = 0;
        return clients.RemoveAll(_ => normalized[index++] is { } e164 && !seen.Add(e164));
    }

    /// <summary>
    /// The request as sent: every valid number in E.164 (with +), so the API reads it the same whatever its own default
    /// country; rows are copied, the grid keeps what the user typed.
    /// </summary>
    public static CreateCampaignRequest WithE164Numbers(CreateCampaignRequest request, string region)
    {
        // A number with + reads the same in every country: only the others need the (costly) parse.
        var normalized = new string?[request.Clients.Count];
        Parallel.For(0, request.Clients.Count, new ParallelOptions { MaxDegreeOfParallelism = request.Clients.Count < 2_000 ? 1 : -1 }, i =>
        {
            var raw = request.Clients[i].AccountId;
            normalized[i] = raw.AsSpan().TrimStart().StartsWith("+") ? raw : AccountIds.Normalize(raw, region);
        });
        return new CreateCampaignRequest
        {
            Name = request.Name, Message = request.Message, Json = request.Json, TempMsgId = request.TempMsgId, SendAt = request.SendAt,
            Clients = request.Clients.Select((c, i) => new CampaignClient { AccountId = normalized[i] ?? c.AccountId, Params = c.Params }).ToList(),
        };
    }

    private static string?[] Normalize(List<CampaignClient> clients, string region)
    {
        var normalized = new string?[clients.Count];
        Parallel.For(0, clients.Count, new ParallelOptions { MaxDegreeOfParallelism = clients.Count < 2_000 ? 1 : -1 },
            i => normalized[i] = AccountIds.Normalize(clients[i].AccountId, region));
        return normalized;
    }
}
