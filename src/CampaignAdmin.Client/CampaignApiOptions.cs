namespace CampaignAdmin.Client;

/// <summary>The <c>CampaignApi</c> configuration section.</summary>
public sealed class CampaignApiOptions
{
    public const string Section = "CampaignApi";

    /// <summary>The service to drive; empty means the dashboard hosts its own API (embedded mode).</summary>
    public string BaseUrl { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>The most one call may take, retries included (a 1,000,000-recipient create needs tens of seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The most one attempt of a read may wait before it is given up (and, for a read, tried again).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a failed read (GET) is tried again; writes are never retried.</summary>
    public int ReadRetries { get; set; } = 2;

    /// <summary>
    /// The zone a time without an offset (<c>2025-03-03 11:32:25</c>) is in: an IANA or Windows zone ID, default UTC.
    /// Our API always writes offsets; a vendor may not.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Who pages, filters and searches the lists: <c>Auto</c> (default) learns it from the first answer (with
    /// <c>X-Total-Count</c> the server does; without, the dashboard does over one window), or <c>Server</c> / <c>Window</c>.
    /// </summary>
    public ListPaging Paging { get; set; } = ListPaging.Auto;

    /// <summary>The <c>resultSize</c> of that window: the most campaigns, or messages of one campaign, read from a server that pages no further.</summary>
    public int WindowSize { get; set; } = ApiCapabilities.DefaultWindowSize;

    public bool IsRemote => !string.IsNullOrWhiteSpace(BaseUrl);

    /// <summary>Extra status words (word = state), for an API whose words the built-in table does not know.</summary>
    public StatusWords Statuses { get; set; } = new();

    /// <summary>
    /// Builds what the settings describe once, so a wrong one (a window out of range, an unknown zone, a status word
    /// mapped to no state) stops the start naming it instead of breaking the first page that needs it.
    /// </summary>
    public void Validate() => _ = (Capabilities(), Statuses.Vocabulary(), AssumedTimeZone());

    /// <summary>What is known of the server's paging: <see cref="Paging"/> and <see cref="WindowSize"/> (a window under 1 stops the start).</summary>
    public ApiCapabilities Capabilities() => new(Paging, WindowSize);

    public TimeZoneInfo AssumedTimeZone()
    {
        if (string.IsNullOrWhiteSpace(TimeZone)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out var zone)
            ? zone
            : throw new InvalidOperationException($"{Section}:{nameof(TimeZone)} \"{TimeZone}\" is not a time zone this machine knows (use an IANA ID such as Asia/Riyadh, or UTC).");
    }
}

/// <summary><c>CampaignApi:Statuses</c>: e.g. <c>CampaignApi__Statuses__Campaigns__Dispatching=Sending</c>.</summary>
public sealed class StatusWords
{
    public Dictionary<string, string> Campaigns { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> Messages { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The built-in words plus these; a wrong state name stops the start naming the setting.</summary>
    public StatusVocabulary Vocabulary() => new(Campaigns, Messages);
}
