using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// The create rules that concern one row (rule 7: as many values as the template has variables; rule 9: a phone number, not
/// repeated), kept up to date row by row: an edit parses one number and looks it up in an index of E.164 number → rows, so a
/// keystroke costs the same with 100,000 rows as with 10. Rows are known by object, so a delete does not move the others' state.
/// The index holds no object of its own per row (a number on one row maps to that row; only a repeated number gets a list, and
/// an E.164 number typed as such is the typed string): with 100,000 rows, every object per row is 100,000 more for the first
/// garbage collection after a paste to copy, a pause the next keystroke waits behind.
/// </summary>
public sealed class RecipientChecks(List<CampaignClient> clients)
{
    private readonly Dictionary<CampaignClient, (string Raw, string? E164)> _numbers = new(ReferenceEqualityComparer.Instance);
    // A number on one row, and that row.
    private readonly Dictionary<string, CampaignClient> _single = new(StringComparer.Ordinal);
    // A number on several rows, and its rows in grid order: the first is the original, every later one a duplicate.
    private readonly Dictionary<string, List<CampaignClient>> _repeated = new(StringComparer.Ordinal);
    // A number that is not one, with why (its kind): judged once, when it changes.
    private readonly Dictionary<CampaignClient, BuilderProblemKind> _invalid = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<CampaignClient> _wrongCount = new(ReferenceEqualityComparer.Instance);
    private Dictionary<CampaignClient, int>? _index;

    public string Region { get; private set; } = AccountIds.DefaultRegion;

    /// <summary>The values a row must have (the template's variables), or <c>null</c> without a template: then rule 7 does not apply.</summary>
    public int? Columns { get; private set; }

    /// <summary>Every row checked again, from scratch (a new country, a list rebuilt).</summary>
    public void Reset(string region, int? columns)
    {
        (Region, Columns) = (region, columns);
        _numbers.Clear();
        _single.Clear();
        _repeated.Clear();
        _invalid.Clear();
        _wrongCount.Clear();
        _index = null;
        Changed(clients);
    }

    /// <summary>Only rule 7 again, for every row (no number is parsed): the template changed.</summary>
    public void SetColumns(int? columns)
    {
        Columns = columns;
        _wrongCount.Clear();
        foreach (var client in clients) CheckCount(client);
    }

    /// <summary>Rows edited or added (at the end, in order): their numbers are parsed, in parallel when there are many.</summary>
    /// <param name="numbersAreE164">
    /// The rows' numbers were already checked and are in E.164 (an import's accepted rows: the import dialog parsed every
    /// one with the same rule), so they are not parsed a second time.
    /// </param>
    public void Changed(IReadOnlyList<CampaignClient> rows, bool numbersAreE164 = false)
    {
        if (rows.Count == 0) return;
        var parsed = new string?[rows.Count];
        if (numbersAreE164)
        {
            for (var i = 0; i < rows.Count; i++) parsed[i] = rows[i].AccountId;
        }
        else
        {
            Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = rows.Count < 2_000 ? 1 : -1 }, i =>
            {
                var raw = rows[i].AccountId;
                if (_numbers.TryGetValue(rows[i], out var known) && known.Raw == raw)
                {
                    parsed[i] = known.E164;
                    return;
                }
                // A number typed in E.164 is kept as the typed string, not a second, equal one.
                var e164 = AccountIds.Normalize(raw, Region);
                parsed[i] = e164 == raw ? raw : e164;
            });
        }
        var index = Index();
        if (rows.Count > 1)
        {
            // Grown once for a paste, not doubled (and copied) again and again on the way to 100,000.
            index.EnsureCapacity(clients.Count);
            _numbers.EnsureCapacity(_numbers.Count + rows.Count);
            _single.EnsureCapacity(_single.Count + rows.Count);
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var client = rows[i];
            if (!index.ContainsKey(client)) index[client] = index.Count;
            Forget(client, keepIndex: true);
            SetNumber(client, client.AccountId, parsed[i]);
            CheckCount(client);
        }
    }

    /// <summary>A row deleted: it leaves every index, and the rows after it move up.</summary>
    public void Removed(CampaignClient client)
    {
        Forget(client, keepIndex: false);
        _index = null;
    }

    /// <summary>The rule the row's number breaks, in the API's words, or <c>null</c>.</summary>
    public string? NumberRule(CampaignClient client)
    {
        if (_invalid.ContainsKey(client)) return ErrorTexts.InvalidAccountId(client.AccountId);
        return IsDuplicate(client) ? ErrorTexts.DuplicateAccountId(client.AccountId) : null;
    }

    public bool CountIsWrong(CampaignClient client) => _wrongCount.Contains(client);

    /// <summary>The E.164 form of a row's number, as last checked.</summary>
    public string? E164Of(CampaignClient client) => _numbers.TryGetValue(client, out var number) ? number.E164 : null;

    /// <summary>The row a number (E.164) first appears on.</summary>
    public int? FirstRowOf(string e164) =>
        _repeated.TryGetValue(e164, out var rows) ? IndexOf(rows[0]) : _single.TryGetValue(e164, out var row) ? IndexOf(row) : null;

    public int IndexOf(CampaignClient client) => Index().TryGetValue(client, out var index) ? index : -1;

    /// <summary>Rows with problems, by kind: how many, and the first. Costs the rows with problems, not all rows.</summary>
    public IEnumerable<(BuilderProblemKind Kind, int Count, int FirstRow)> Summary()
    {
        var kinds = new Dictionary<BuilderProblemKind, (int Count, int First)>();
        void Count(BuilderProblemKind kind, int row, int count = 1) =>
            kinds[kind] = kinds.TryGetValue(kind, out var seen) ? (seen.Count + count, Math.Min(seen.First, row)) : (count, row);

        // Values before numbers: on one row, the shared validator reports the values first.
        foreach (var client in _wrongCount)
            Count(client.Params.Count < Columns ? BuilderProblemKind.MissingValues : BuilderProblemKind.ExtraValues, IndexOf(client));
        foreach (var (client, kind) in _invalid) Count(kind, IndexOf(client));
        foreach (var rows in _repeated.Values) Count(BuilderProblemKind.Duplicate, rows.Skip(1).Min(IndexOf), rows.Count - 1);
        return kinds.Select(k => (k.Key, k.Value.Count, k.Value.First));
    }

    private bool IsDuplicate(CampaignClient client) =>
        E164Of(client) is { } e164 && _repeated.TryGetValue(e164, out var rows) && !ReferenceEquals(rows[0], client);

    private void SetNumber(CampaignClient client, string raw, string? e164)
    {
        _numbers[client] = (raw, e164);
        if (e164 is null)
        {
            _invalid[client] = ProblemSentences.KindOf(PhoneProblems.Judge(raw, Region).Issue);
            return;
        }
        if (_repeated.TryGetValue(e164, out var rows)) InsertInRowOrder(rows, client);
        else if (_single.Remove(e164, out var other))
        {
            _repeated[e164] = rows = [other];
            InsertInRowOrder(rows, client);
        }
        else _single[e164] = client;
    }

    private void InsertInRowOrder(List<CampaignClient> rows, CampaignClient client)
    {
        var index = IndexOf(client);
        // Added rows come last: the common case needs no search.
        if (rows.Count == 0 || IndexOf(rows[^1]) < index)
        {
            rows.Add(client);
            return;
        }
        var position = rows.FindIndex(r => IndexOf(r) > index);
        rows.Insert(position < 0 ? rows.Count : position, client);
    }

    private void Forget(CampaignClient client, bool keepIndex)
    {
        _invalid.Remove(client);
        _wrongCount.Remove(client);
        if (!keepIndex) _index?.Remove(client);
        if (!_numbers.Remove(client, out var number) || number.E164 is not { } e164) return;
        if (!_repeated.TryGetValue(e164, out var rows))
        {
            if (_single.TryGetValue(e164, out var row) && ReferenceEquals(row, client)) _single.Remove(e164);
            return;
        }
        rows.Remove(client);
        if (rows.Count > 1) return;
        _repeated.Remove(e164);
        if (rows.Count == 1) _single[e164] = rows[0];
    }

    private void CheckCount(CampaignClient client)
    {
        if (Columns is { } columns && client.Params.Count != columns) _wrongCount.Add(client);
        else _wrongCount.Remove(client);
    }

    // Rebuilt only after a delete (or a list rebuilt): rows added at the end extend it.
    private Dictionary<CampaignClient, int> Index()
    {
        if (_index is not null && _index.Count <= clients.Count) return _index;
        _index = new Dictionary<CampaignClient, int>(clients.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < clients.Count; i++) _index[clients[i]] = i;
        return _index;
    }
}
