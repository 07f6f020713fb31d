using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Text;

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
    public static List<CampaignClient> Parse(string text) =>
        Cells(text, skipHeader: true).Select(cells => new CampaignClient { AccountId = cells[0], Params = cells.Skip(1).ToList() }).ToList();

    /// <summary>
    /// The cells of pasted text, line by line, as the "Paste rows" box and a paste into a grid cell both read them: blank
    /// lines skipped, cells trimmed; tabs separate cells when the text has any (what Excel and Google Sheets copy), else
    /// each line's semicolons or commas. With <paramref name="skipHeader"/>, a first line whose first cell is a header
    /// ("Account ID") is left out.
    /// </summary>
    public static List<string[]> Cells(string text, bool skipHeader)
    {
        var rows = new List<string[]>();
        var tabbed = text.Contains('\t');
        foreach (var line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var separator = tabbed ? '\t' : line.Contains(';') ? ';' : line.Contains(',') ? ',' : '\t';
            var cells = line.Split(separator).Select(c => c.Trim()).ToArray();
            if (rows.Count == 0 && skipHeader && IsHeader(cells[0])) { skipHeader = false; continue; }
            rows.Add(cells);
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
    /// A campaign's most recipients. The builder holds them all in the circuit and checks each edit against them; the API
    /// answers a create of 100,000 in about a second and a half, well inside its 32 MiB body.
    /// </summary>
    public const int MaxRows = 100_000;

    /// <summary>The most text one paste brings: it streams over the circuit in chunks, and is held once, as text, while it is read.</summary>
    public const long MaxPasteBytes = 32L * 1024 * 1024;

    /// <summary>"A campaign has at most 100,000 recipients.": on the page before anyone reaches it.</summary>
    public static string LimitText => Localized.Format(typeof(RecipientRows), "A campaign has at most {0:N0} recipients.", MaxRows);

    /// <summary>Why <paramref name="rows"/> pasted or imported rows are refused when they would make <paramref name="total"/>, or <c>null</c>.</summary>
    /// <param name="verb">"Paste" or "Import".</param>
    public static string? Refusal(string verb, int rows, int total)
    {
        if (total <= MaxRows) return null;
        var fit = rows - (total - MaxRows);
        var done = verb.ToLowerInvariant() + (verb.EndsWith('e') ? "d" : "ed");
        // Each verb's sentence is its own key: Arabic words them differently.
        var counted = rows == 1 ? Localized.Text(typeof(RecipientRows), "1 row") : Localized.Format(typeof(RecipientRows), "{0:N0} rows", rows);
        return Localized.Format(typeof(RecipientRows), $"Nothing was {done}: {{0}} would make {{1:N0}} recipients, and a campaign has at most {{2:N0}}.", counted, total, MaxRows)
               + " " + (fit <= 0 ? Localized.Text(typeof(RecipientRows), "Remove rows first, or split the list into two campaigns.")
                   : Localized.Format(typeof(RecipientRows), $"{verb} at most {{0:N0}} rows, or split the list into two campaigns.", fit));
    }

    /// <summary>Why a paste of <paramref name="bytes"/> is refused, or <c>null</c> when it may be read.</summary>
    public static string? BytesRefusal(long bytes) => bytes <= MaxPasteBytes ? null
        : Localized.Format(typeof(RecipientRows), "Nothing was pasted: that is {0:0.#} MB, and at most {1} MB can be pasted at once.", bytes / 1024.0 / 1024.0, MaxPasteBytes / 1024 / 1024)
          + " " + Localized.Text(typeof(RecipientRows), "Paste fewer rows at a time, or use Import file.");

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
