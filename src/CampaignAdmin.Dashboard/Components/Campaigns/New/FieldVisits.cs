using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// Which fields the person has left (or moved past), and whether they tried to create: a field shows its problem only then,
/// so a blank new row or an untouched name never shouts. Rows are known by object, so deleting one does not move the others'
/// state; pasted and imported rows count as left, their values are entered.
/// </summary>
public sealed class FieldVisits
{
    public const string Name = "Name";
    public const string Template = "TempMsgID";
    public const string Clients = "Clients";
    public const string Schedule = "SendAt";

    // The form's order: leaving a later part means the person moved past the earlier ones.
    private static readonly string[] FormOrder = [Name, Template, Clients, Schedule];

    private readonly HashSet<string> _left = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _revealed = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<CampaignClient> _numbers = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<CampaignClient> _values = new(ReferenceEqualityComparer.Instance);

    public bool TriedToCreate { get; set; }

    public void Leave(string part) => _left.Add(part);

    /// <summary>Shows a part's own problems without counting as moving past the parts before it (a template chosen by a link).</summary>
    public void Reveal(string part) => _revealed.Add(part);

    public void LeaveNumber(CampaignClient client)
    {
        _numbers.Add(client);
        _left.Add(Clients);
    }

    public void LeaveValues(CampaignClient client)
    {
        _values.Add(client);
        _left.Add(Clients);
    }

    public void Entered(IEnumerable<CampaignClient> clients)
    {
        if (clients is IReadOnlyCollection<CampaignClient> { Count: > 1 } many)
        {
            _numbers.EnsureCapacity(_numbers.Count + many.Count);
            _values.EnsureCapacity(_values.Count + many.Count);
        }
        foreach (var client in clients)
        {
            _numbers.Add(client);
            _values.Add(client);
        }
        _left.Add(Clients);
    }

    /// <summary>Whether the problem on <paramref name="field"/> (a validator property path) may show.</summary>
    public bool Shows(string field, IReadOnlyList<CampaignClient> clients)
    {
        if (TriedToCreate) return true;
        if (ProblemSentences.RowOf(field) is { } row)
        {
            if (row >= clients.Count) return _left.Contains(Clients);
            return field.EndsWith(".AccountID", StringComparison.OrdinalIgnoreCase) ? _numbers.Contains(clients[row]) : _values.Contains(clients[row]);
        }
        var part = field is "JSON" ? Template : field;
        var position = Array.IndexOf(FormOrder, part);
        return _left.Contains(part) || _revealed.Contains(part) || (position >= 0 && _left.Any(l => Array.IndexOf(FormOrder, l) > position));
    }
}
