using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Client;

/// <summary>Where a campaign stands, whatever word its API uses for it.</summary>
public enum CampaignState
{
    Unknown = 0,
    Scheduled,
    Sending,
    Completed,
    Failed,
}

/// <summary>
/// One table from the words a Campaign API uses (any case) to the dashboard's states: ours (<c>scheduled</c>,
/// <c>SUBMITTED</c>…) and the words a vendor is likely to use (<c>processing</c>, <c>sent</c>, <c>pending</c>…), plus
/// any configured under <c>CampaignApi:Statuses:Campaigns</c> / <c>:Messages</c> (word = state name). A word in no table
/// is <see cref="CampaignState.Unknown"/> / <see cref="MessageStatus.Unknown"/>: shown as it came, never guessed.
/// </summary>
public sealed class StatusVocabulary
{
    private static readonly Dictionary<string, CampaignState> CampaignDefaults = Table<CampaignState>(
        (CampaignState.Scheduled, ["scheduled", "pending", "queued", "created", "new", "waiting"]),
        (CampaignState.Sending, ["sending", "processing", "in_progress", "in-progress", "inprogress", "running", "started", "active"]),
        (CampaignState.Completed, ["completed", "complete", "sent", "done", "finished", "delivered"]),
        (CampaignState.Failed, ["failed", "failure", "error"]));

    private static readonly Dictionary<string, MessageStatus> MessageDefaults = Table<MessageStatus>(
        (MessageStatus.Pending, ["pending", "queued", "scheduled", "waiting", "created"]),
        (MessageStatus.Sending, ["sending", "processing", "in_progress"]),
        (MessageStatus.Submitted, ["submitted", "sent", "accepted", "enqueued"]),
        (MessageStatus.Delivered, ["delivered"]),
        (MessageStatus.Read, ["read", "seen"]),
        (MessageStatus.Failed, ["failed", "error", "undelivered", "undeliverable", "rejected"]));

    private readonly Dictionary<string, CampaignState> _campaigns;
    private readonly Dictionary<string, MessageStatus> _messages;

    public StatusVocabulary(IReadOnlyDictionary<string, string>? campaignWords = null, IReadOnlyDictionary<string, string>? messageWords = null)
    {
        _campaigns = Merge(CampaignDefaults, campaignWords, "Campaigns");
        _messages = Merge(MessageDefaults, messageWords, "Messages");
    }

    public static StatusVocabulary Default { get; } = new();

    public CampaignState Campaign(string? word) => Find(_campaigns, word, CampaignState.Unknown);

    public MessageStatus Message(string? word) => Find(_messages, word, MessageStatus.Unknown);

    /// <summary>Whether a campaign may still change: sending, due to start, or in a state the dashboard cannot name.</summary>
    public bool IsUnderway(CampaignResponse campaign, DateTimeOffset now) => Campaign(campaign.Status) switch
    {
        CampaignState.Sending => true,
        CampaignState.Scheduled => Contracts.Wire.WireTime.Parse(campaign.SendAt) is not { } sendAt || sendAt <= now,
        CampaignState.Unknown => !string.IsNullOrWhiteSpace(campaign.Status),
        _ => false,
    };

    private static T Find<T>(Dictionary<string, T> table, string? word, T unknown) =>
        word is not null && table.TryGetValue(word.Trim(), out var state) ? state : unknown;

    private static Dictionary<string, T> Table<T>(params (T State, string[] Words)[] rows) where T : struct, Enum =>
        rows.SelectMany(row => row.Words.Select(word => (word, row.State))).ToDictionary(p => p.word, p => p.State, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, T> Merge<T>(Dictionary<string, T> defaults, IReadOnlyDictionary<string, string>? configured, string section)
        where T : struct, Enum
    {
        var table = new Dictionary<string, T>(defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (word, stateName) in configured ?? new Dictionary<string, string>())
        {
            if (!Enum.TryParse<T>(stateName, ignoreCase: true, out var state) || !Enum.IsDefined(state) || int.TryParse(stateName, out _))
                throw new InvalidOperationException(
                    $"{CampaignApiOptions.Section}:Statuses:{section}:{word} = \"{stateName}\" is not a state; choose one of: {string.Join(", ", Enum.GetNames<T>())}.");
            table[word.Trim()] = state;
        }
        return table;
    }
}
