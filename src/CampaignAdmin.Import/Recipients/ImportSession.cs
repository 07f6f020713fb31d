using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Import.Reading;

namespace CampaignAdmin.Import.Recipients;

public enum ProblemKind
{
    MissingNumber,
    InvalidNumber,
    DuplicateInFile,
    AlreadyInGrid,
}

/// <summary>One row of an import, with its E.164 number once valid, and what is wrong with it if anything.</summary>
public sealed class ImportRow
{
    internal ImportRow(int number, string rawAccountId, string[] parameters) => (Number, RawAccountId, Params) = (number, rawAccountId, parameters);

    public int Number { get; }
    public string RawAccountId { get; internal set; }
    public string? AccountId { get; internal set; }
    public string[] Params { get; }
    /// <summary>For a duplicate, the row where the number first appears.</summary>
    public int? FirstRow { get; internal set; }
    public ProblemKind? Problem { get; internal set; }
    public bool WasFixed { get; internal set; }

    public string ProblemText => Problem switch
    {
        ProblemKind.MissingNumber => "No phone number",
        ProblemKind.InvalidNumber => $"\"{RawAccountId}\" is not a valid phone number",
        ProblemKind.DuplicateInFile => $"{AccountId} is also on row {FirstRow}",
        ProblemKind.AlreadyInGrid => $"{AccountId} is already a recipient",
        _ => "",
    };
}

public sealed record ImportStats(int RowsRead, int Accepted, int Fixed, int Dropped, int Problems);

/// <summary>
/// An import in progress: every row of the file, checked with the API's own rule 9 (E.164 with libphonenumber, no
/// duplicates, also against the recipients already in the grid). Rows are fixed in place or dropped, never silently.
/// </summary>
public sealed class ImportSession
{
    private readonly List<ImportRow> _rows;
    private readonly HashSet<string> _existing;
    private readonly string _region;
    private readonly List<ImportRow> _droppedRows = [];

    public ImportSession(SheetTable table, ColumnMapping mapping, string defaultRegion = AccountIds.DefaultRegion, IEnumerable<string>? existingAccountIds = null)
    {
        _region = defaultRegion;
        _existing = new HashSet<string>((existingAccountIds ?? []).Select(a => AccountIds.Normalize(a, defaultRegion) ?? a), StringComparer.Ordinal);
        RowsRead = table.Rows.Count;
        var raw = table.Rows.Select(row => new ImportRow(
            row.Number,
            mapping.AccountIdColumn is { } column ? table.Cell(row, column).Trim() : "",
            mapping.Variables.Select(source => OneLine(source.Column is { } c ? table.Cell(row, c) : source.FixedValue ?? "")).ToArray())).ToArray();

        // Parsing numbers is the costly part: spread it over the cores.
        Parallel.ForEach(raw, row => row.AccountId = AccountIds.Normalize(row.RawAccountId, _region));
        _rows = [.. raw];
        Recheck();
    }

    public int RowsRead { get; }

    /// <summary>How many values had a line break or a tab, sent as one line instead (see <see cref="ParamText"/>).</summary>
    public int ValuesMadeOneLine { get; private set; }

    public IReadOnlyList<ImportRow> Rows => _rows;

    public IEnumerable<ImportRow> Problems => _rows.Where(r => r.Problem is not null);

    public IEnumerable<ImportRow> Accepted => _rows.Where(r => r.Problem is null);

    /// <summary>The rows the person dropped, each with the problem it had, so they can still be downloaded.</summary>
    public IReadOnlyList<ImportRow> DroppedRows => _droppedRows;

    public ImportStats Stats => new(RowsRead, _rows.Count(r => r.Problem is null), _rows.Count(r => r.WasFixed && r.Problem is null), _droppedRows.Count,
        _rows.Count(r => r.Problem is not null));

    /// <summary>The person corrects a row's number; duplicates are worked out again for every row.</summary>
    public void Fix(int rowNumber, string accountId)
    {
        var row = _rows.First(r => r.Number == rowNumber);
        var hadProblem = row.Problem is not null;
        row.RawAccountId = Spreadsheet.Unguard(accountId.Trim());
        row.AccountId = AccountIds.Normalize(row.RawAccountId, _region);
        Recheck();
        if (hadProblem && row.Problem is null) row.WasFixed = true;
    }

    private string OneLine(string value)
    {
        var oneLine = ParamText.OneLine(value);
        if (!ReferenceEquals(oneLine, value)) ValuesMadeOneLine++;
        return oneLine;
    }

    public void Drop(int rowNumber) => Remove(r => r.Number == rowNumber);

    /// <summary>Drops every row that repeats a number (the first occurrence stays); returns how many went.</summary>
    public int DropDuplicates() => Remove(r => r.Problem is ProblemKind.DuplicateInFile or ProblemKind.AlreadyInGrid);

    /// <summary>Drops every row still wrong (the person chose to go on without them); returns how many went.</summary>
    public int DropProblems() => Remove(r => r.Problem is not null);

    private int Remove(Predicate<ImportRow> match)
    {
        var removed = _rows.RemoveAll(row =>
        {
            if (!match(row)) return false;
            _droppedRows.Add(row);
            return true;
        });
        Recheck();
        return removed;
    }

    private void Recheck()
    {
        var firstRows = new Dictionary<string, int>(_rows.Count, StringComparer.Ordinal);
        foreach (var row in _rows)
        {
            row.FirstRow = null;
            row.Problem = row.RawAccountId.Length == 0 ? ProblemKind.MissingNumber
                : row.AccountId is null ? ProblemKind.InvalidNumber
                : _existing.Contains(row.AccountId) ? ProblemKind.AlreadyInGrid
                : !firstRows.TryAdd(row.AccountId, row.Number) ? ProblemKind.DuplicateInFile
                : null;
            if (row.Problem is ProblemKind.DuplicateInFile) row.FirstRow = firstRows[row.AccountId!];
        }
    }
}
