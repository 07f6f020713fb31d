using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// Tabular text pasted into a grid cell: it fills rows and columns from that cell (column 0 is the account ID, then one per
/// variable), adding rows as needed, read as the "Paste rows" box reads it. <see cref="Undo"/> puts the rows back as they were.
/// </summary>
public sealed class CellPaste
{
    private readonly List<CampaignClient> _clients;
    private readonly int _originalCount;
    private readonly List<(CampaignClient Client, string AccountId, List<string> Params)> _before = [];

    private CellPaste(List<CampaignClient> clients)
    {
        _clients = clients;
        _originalCount = clients.Count;
    }

    public int Row { get; private init; }
    public int Rows { get; private set; }
    public int Columns { get; private set; }
    public int Added => _clients.Count - _originalCount;

    /// <summary>The rows the paste wrote to, existing and added (in row order).</summary>
    public List<CampaignClient> Touched { get; } = [];

    /// <summary>The lines of <paramref name="text"/> pasted into <paramref name="column"/>, cell by cell.</summary>
    // A header line is recognised only where a header names the phone column: pasted from the Account ID column.
    public static List<string[]> Read(string text, int column) => RecipientRows.Cells(text, skipHeader: column == 0);

    /// <summary>Applies the pasted <paramref name="lines"/> (<see cref="Read"/>) from row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public static CellPaste Apply(List<CampaignClient> clients, int row, int column, List<string[]> lines)
    {
        var paste = new CellPaste(clients) { Row = row };
        for (var r = 0; r < lines.Count; r++)
        {
            var index = row + r;
            // An added row holds what was pasted, as a row of the "Paste rows" box does: a cell left out shows as missing.
            if (index >= clients.Count) clients.Add(new CampaignClient { AccountId = "", Params = [] });
            else paste._before.Add((clients[index], clients[index].AccountId, [.. clients[index].Params]));
            var client = clients[index];
            paste.Touched.Add(client);
            var cells = lines[r];
            for (var c = 0; c < cells.Length; c++)
            {
                var target = column + c;
                if (target == 0) client.AccountId = cells[c];
                else RecipientRows.Set(client, target - 1, cells[c]);
            }
            paste.Columns = Math.Max(paste.Columns, cells.Length);
        }
        paste.Rows = lines.Count;
        return paste;
    }

    /// <summary>One step back: rows the paste added go, the rows it wrote to get their values back.</summary>
    public void Undo()
    {
        if (_clients.Count > _originalCount) _clients.RemoveRange(_originalCount, _clients.Count - _originalCount);
        foreach (var (client, accountId, values) in _before)
        {
            client.AccountId = accountId;
            client.Params.Clear();
            client.Params.AddRange(values);
        }
    }

    // "1 row", "3 rows": each form is its own key (Arabic counts differently).
    private static string Counted(int count, string noun) =>
        count == 1 ? Localized.Text(typeof(CellPaste), "1 " + noun) : Localized.Format(typeof(CellPaste), "{0:N0} " + noun + "s", count);

    /// <summary>"Pasted 3 rows × 2 columns from row 2 (1 row added)."</summary>
    public string Summary
    {
        get
        {
            var text = Localized.Format(typeof(CellPaste), "Pasted {0} × {1} from row {2}", Counted(Rows, "row"), Counted(Columns, "column"), Row + 1);
            return Added > 0 ? Localized.Format(typeof(CellPaste), "{0} ({1} added).", text, Counted(Added, "row")) : $"{text}.";
        }
    }
}
