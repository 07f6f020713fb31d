namespace CampaignAdmin.Import.Recipients;

/// <summary>
/// A file's columns by the names their headers answer to, each column taken at most once, leftmost first: finding a variable's
/// column costs the same however wide the file is (a person's sheet, or one line of a million commas).
/// </summary>
internal sealed class HeaderColumns
{
    private readonly Dictionary<string, Queue<int>> _byName = new(StringComparer.Ordinal);
    private readonly List<string[]> _names = [];
    private readonly List<bool> _taken = [];

    public HeaderColumns(IEnumerable<string[]> namesPerColumn)
    {
        foreach (var names in namesPerColumn)
        {
            var column = _names.Count;
            var distinct = names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            _names.Add(distinct);
            _taken.Add(false);
            foreach (var name in distinct)
            {
                if (!_byName.TryGetValue(name, out var columns)) _byName[name] = columns = new Queue<int>();
                columns.Enqueue(column);
            }
        }
    }

    /// <summary>Takes the leftmost free column that answers to one of <paramref name="names"/>.</summary>
    public int? Take(IEnumerable<string> names)
    {
        Queue<int>? best = null;
        foreach (var name in names)
        {
            if (!_byName.TryGetValue(name, out var columns)) continue;
            while (columns.Count > 0 && _taken[columns.Peek()]) columns.Dequeue(); // taken under another of its names
            if (columns.Count > 0 && (best is null || columns.Peek() < best.Peek())) best = columns;
        }
        return best is null ? null : Take(best.Dequeue());
    }

    public int Take(int column)
    {
        _taken[column] = true;
        return column;
    }

    /// <summary>The free columns, leftmost first, whose header names nothing in <paramref name="known"/>.</summary>
    public IEnumerable<int> Unnamed(HashSet<string> known) =>
        Enumerable.Range(0, _names.Count).Where(c => !_taken[c] && !_names[c].Any(known.Contains));
}
